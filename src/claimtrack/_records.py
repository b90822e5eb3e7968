# SPDX-License-Identifier: MIT
"""The kinds of record a claim set holds, and how names are matched."""

from __future__ import annotations

import enum

import attrs

from claimtrack._claims import Claim
from claimtrack._documents import Document
from claimtrack._links import Link
from claimtrack._reviews import Evidence, Rating, Review
from claimtrack._sources import Source
from claimtrack._statements import Statement


__all__ = [
    "KIND_NAMES",
    "RECORD_KINDS",
    "RECORD_TYPES",
    "Record",
    "RecordKind",
    "differences",
]

Record = Source | Document | Claim | Statement | Link | Review
"""Any record a `ClaimSet` holds."""


@attrs.frozen
class RecordKind:
    """
    One kind of record, as every part of claimtrack names it.

    Attributes:
        cls: Its class.
        word: The word for one, in messages (``"source"``).
        plural: The claim set's property, JSON key and file name for
            all of them (``"sources"``).
        json_order: Where its list comes in a JSON document (links come
            before statements there, as in every file written so far).
    """

    cls: type[Record]
    word: str
    plural: str
    json_order: int


RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(Source, "source", "sources", 0),
    RecordKind(Document, "document", "documents", 1),
    RecordKind(Claim, "claim", "claims", 2),
    RecordKind(Statement, "statement", "statements", 4),
    RecordKind(Link, "link", "links", 3),
    RecordKind(Review, "review", "reviews", 5),
)
"""
Every kind of record, in the order they are listed.

Whatever lists the kinds (the JSON format, tables, messages, the command
line) reads this table.
"""

RECORD_TYPES = tuple(kind.cls for kind in RECORD_KINDS)
"""The classes of `Record`, for `isinstance`."""

KIND_NAMES: dict[type, str] = {kind.cls: kind.word for kind in RECORD_KINDS}
"""The word for each kind of record, as used in messages and JSON."""


def differences(a: Record, b: Record) -> dict[str, tuple[object, object]]:
    """How two records differ, field by field, as JSON-like values."""
    if type(a) is not type(b):
        return {"kind": (KIND_NAMES[type(a)], KIND_NAMES[type(b)])}
    return {
        field.name: (_plain(mine), _plain(theirs))
        for field in attrs.fields(type(a))
        if (mine := getattr(a, field.name))
        != (theirs := getattr(b, field.name))
    }


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, (Rating, Evidence)):
        # A record's fixed, shallow parts: a dict of plain values.
        return {
            field.name: _plain(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if getattr(value, field.name) is not None
        }
    if value is None or isinstance(value, (str, int, float)):
        return value
    return str(value)
