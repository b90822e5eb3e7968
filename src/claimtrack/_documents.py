# SPDX-License-Identifier: MIT
"""Documents: dated artefacts (communiqués, reports, articles)."""

from __future__ import annotations

import attrs

from claimtrack._dates import PartialDate, optional_date
from claimtrack._field_checks import (
    check_id,
    check_optional_text,
    text_tuple,
)


__all__ = ["Document"]


@attrs.frozen(kw_only=True, slots=True)
class Document:
    """
    A communiqué, report, article or post in which statements appear.

    Attributes:
        id: Unique id in its claim set.
        publisher: The id of the source that published it, if known.
        date: When it was published, to the precision known.
        title: Its title.
        url: Where it can be read.
        kind: What sort of document it is ("communique", "article", ...).
        authors: Ids of the sources that wrote it.
        cites: Ids of earlier documents it cites or derives from.
        text: Its body as published, kept exactly (whitespace and all):
            what `ClaimSet.suspicions` compares to find reused text and
            wire credits.
    """

    id: str = attrs.field(validator=check_id)
    publisher: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    date: PartialDate | None = attrs.field(
        default=None, converter=optional_date
    )
    title: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    url: str | None = attrs.field(default=None, validator=check_optional_text)
    kind: str | None = attrs.field(default=None, validator=check_optional_text)
    authors: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)
    cites: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)
    text: str | None = attrs.field(default=None, validator=check_optional_text)
