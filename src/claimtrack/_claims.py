# SPDX-License-Identifier: MIT
"""Claims: propositions that statements assert, deny or retract."""

from __future__ import annotations

from typing import Any, cast

import attrs

from claimtrack._dates import PartialDate, optional_date
from claimtrack._field_checks import (
    Slotted,
    check_id,
    check_text,
    mutable_twin,
    plain_id,
    plain_text,
    plain_texts,
    text_tuple,
)


__all__ = ["Claim", "quick_claim"]


@attrs.frozen(kw_only=True, slots=True)
class Claim(Slotted):
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


_Draft: Any = mutable_twin(Claim)
_new = object.__new__


def quick_claim(
    id: object,
    text: object,
    places: object = (),
    event_date: object = None,
    tags: object = (),
) -> Claim | None:
    """
    The `Claim` of these fields, if they are surely valid; else None.

    As `quick_statement`: the class's own checks for plain strings, lists
    or tuples of them and a date already read; None lets ``Claim(...)``
    decide and raise. A made claim is a genuine `Claim`.
    """
    if not (plain_id(id) and plain_text(text)):
        return None
    if event_date is not None and type(event_date) is not PartialDate:
        return None
    if type(places) is tuple and not places:
        made_places: tuple[str, ...] | None = ()
    else:
        made_places = plain_texts(places)
    if type(tags) is tuple and not tags:
        made_tags: tuple[str, ...] | None = ()
    else:
        made_tags = plain_texts(tags)
    if made_places is None or made_tags is None:
        return None
    draft = _new(_Draft)
    draft.id = id
    draft.text = text
    draft.places = made_places
    draft.event_date = event_date
    draft.tags = made_tags
    draft.__class__ = Claim
    return cast("Claim", draft)
