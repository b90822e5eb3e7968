# SPDX-License-Identifier: MIT
"""Claims: propositions that statements assert, deny or retract."""

from __future__ import annotations

import attrs

from claimtrack._dates import PartialDate, optional_date
from claimtrack._field_checks import (
    check_id,
    check_text,
    text_tuple,
)


__all__ = ["Claim"]


@attrs.frozen(kw_only=True, slots=True)
class Claim:
    """
    A proposition that can be true or false, in one wording.

    Two wordings of one proposition are two claims linked ``same_as``.

    Attributes:
        id: Unique id in its claim set.
        text: The proposition, in plain words.
        places: Place names it concerns, to find it by (any spelling).
        event_date: When the event it describes happened, if known.
        tags: Free labels to find it by.
    """

    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=check_text)
    places: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)
    event_date: PartialDate | None = attrs.field(
        default=None, converter=optional_date
    )
    tags: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)
