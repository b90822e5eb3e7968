# SPDX-License-Identifier: MIT
"""Writing claimtrack JSON: records sorted by id, indented or compact."""

from __future__ import annotations

import json

from collections.abc import Iterator
from typing import (
    Any,
)

from claimtrack._converter import CONVERTER
from claimtrack._json_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    OPTIONAL_LISTS,
    RECORD_LISTS,
)
from claimtrack._policy import DEFAULT_POLICY
from claimtrack._records import Record
from claimtrack._views import RecordLists
from claimtrack.exceptions import (
    InvalidValueError,
)


__all__ = ["checked_indent", "chunks", "to_document"]


def to_document(claim_set: RecordLists) -> dict[str, Any]:
    """
    The claim set as a JSON-ready dict, with records sorted by id.

    Equal claim sets give equal documents, whatever the order in which
    their records were made.
    """
    unstructure = CONVERTER.unstructure
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
    }
    if claim_set.policy != DEFAULT_POLICY:
        document["policy"] = unstructure(claim_set.policy)
    for key, _ in RECORD_LISTS:
        records = sorted(getattr(claim_set, key), key=_record_id)
        if records or key not in OPTIONAL_LISTS:
            document[key] = [unstructure(record) for record in records]
    return document


def _record_id(record: Record) -> str:
    return record.id


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def chunks(claim_set: RecordLists, indent: int | None = 2) -> Iterator[str]:
    """
    The document of *claim_set* as JSON text, in pieces.

    Indented by 2 (the default), or by *indent* spaces; with None, the
    compact layout, in one piece from the C encoder: no spaces, one line.
    """
    document = to_document(claim_set)
    if indent is None:
        yield _COMPACT.encode(document)
    elif indent == 2:
        yield from _ENCODER.iterencode(document)
    else:
        yield from json.JSONEncoder(
            ensure_ascii=False, indent=indent
        ).iterencode(document)
    yield "\n"


def checked_indent(indent: object) -> int | None:
    """*indent*, if it is None or a number of spaces from 0 to 16."""
    if indent is None or (type(indent) is int and 0 <= indent <= 16):
        return indent
    raise InvalidValueError(
        "indent", indent, "expected None (compact) or 0 to 16 spaces"
    )
