# SPDX-License-Identifier: MIT
"""Writing claimtrack JSON: records sorted by id, indented or compact."""

from __future__ import annotations

import json
import operator

from collections.abc import Callable, Iterable, Iterator
from typing import (
    Any,
    get_type_hints,
)

import attrs

from claimtrack._converter import CONVERTER, WRITTEN_ALWAYS
from claimtrack._dates import PartialDate
from claimtrack._json_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    OPTIONAL_LISTS,
    RECORD_LISTS,
)
from claimtrack._links import Relation
from claimtrack._policy import DEFAULT_POLICY
from claimtrack._records import Record
from claimtrack._statements import Stance, Via
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
    document = _header(claim_set)
    for key, _ in RECORD_LISTS:
        records = sorted(getattr(claim_set, key), key=_record_id)
        if records or key not in OPTIONAL_LISTS:
            document[key] = [unstructure(record) for record in records]
    return document


def _header(claim_set: RecordLists) -> dict[str, Any]:
    """The document's format, version and policy (when not the default)."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
    }
    if claim_set.policy != DEFAULT_POLICY:
        document["policy"] = CONVERTER.unstructure(claim_set.policy)
    return document


_record_id = operator.attrgetter("id")


# -- the writer's own layout ----------------------------------------------
#
# `to_document` goes through the converter, record by record and field by
# field. The writer lays flat records out itself, with one function per
# class written as attrs and cattrs write theirs: each field read once,
# kept when set (not None, not an empty list) as the converter omits it,
# enum members and dates written as their text. Each record's dict then
# holds only strings and tuples of them, which the cyclic collector does
# not track, so laying out a large set does not set it off again and again.

LayOut = Callable[[Iterable[Record], Callable[[PartialDate], str]], list[Any]]


def _flat_layout(cls: type[Record]) -> LayOut | None:
    """Lay out records of *cls* as the converter does, if they are flat."""
    fields = attrs.fields(cls)
    kinds = get_type_hints(cls)
    if any(
        kinds[field.name] not in _WRITTEN
        or (
            field.default not in (attrs.NOTHING, None, ())
            and field.name not in WRITTEN_ALWAYS.get(cls, ())
        )
        for field in fields
    ):
        return None
    always = [
        field.name
        for field in fields
        if field.default is attrs.NOTHING
        or field.name in WRITTEN_ALWAYS.get(cls, ())
    ]
    written = " ".join(
        f"{name!r}: {_WRITTEN[kinds[name]]},".format(f"record.{name}")
        for name in always
    )
    lines = [
        "def layout(records, date_text):",
        "    laid = []",
        "    for record in records:",
        f"        fields = {{{written}}}",
    ]
    for field in fields:
        if field.name in always:
            continue
        if field.default is None:
            test = f"(value := record.{field.name}) is not None"
        else:  # an empty tuple
            test = f"value := record.{field.name}"
        lines += [
            f"        if {test}:",
            f"            fields[{field.name!r}] = "
            + _WRITTEN[kinds[field.name]].format("value"),
        ]
    lines += ["        laid.append(fields)", "    return laid"]
    namespace: dict[str, Any] = {"member_text": _MEMBER_TEXT}
    exec("\n".join(lines), namespace)  # noqa: S102 - our own code, above
    layout: LayOut = namespace["layout"]
    return layout


_WRITTEN: dict[object, str] = {
    str: "{}",
    str | None: "{}",
    tuple[str, ...]: "{}",
    PartialDate | None: "date_text({})",
    Stance: "member_text[{}]",
    Via | None: "member_text[{}]",
    Relation: "member_text[{}]",
}
"""How a flat layout writes a field of each type, given the field's value."""

_MEMBER_TEXT = {
    member: member.value for kind in (Stance, Via, Relation) for member in kind
}

_LAYOUTS = {cls: _flat_layout(cls) for _, cls in RECORD_LISTS}


def _layout(claim_set: RecordLists) -> dict[str, Any]:
    """The document of *claim_set*, as `to_document` makes it (see above)."""
    unstructure = CONVERTER.unstructure
    document = _header(claim_set)
    date_text = _date_writer()
    for key, cls in RECORD_LISTS:
        records = sorted(getattr(claim_set, key), key=_record_id)
        if records or key not in OPTIONAL_LISTS:
            layout = _LAYOUTS[cls]
            document[key] = (
                [unstructure(record) for record in records]
                if layout is None
                else layout(records, date_text)
            )
    return document


def _date_writer() -> Callable[[PartialDate], str]:
    """`PartialDate.isoformat`, once per date object (dates are shared)."""
    written: dict[int, str] = {}
    # Each date written is kept alive here, so that its id cannot be
    # given to another date while the writer is in use.
    kept: list[PartialDate] = []

    def write(date: PartialDate) -> str:
        text = written.get(id(date))
        if text is None:
            kept.append(date)
            text = written[id(date)] = date.isoformat()
        return text

    return write


def chunks(claim_set: RecordLists, indent: int | None = 2) -> Iterator[str]:
    """
    The document of *claim_set* as JSON text, in pieces.

    Indented by 2 (the default), or by *indent* spaces; with None, the
    compact layout, in one piece from the C encoder: no spaces, one line.
    The text is that of `to_document`'s dict, byte for byte.
    """
    document = _layout(claim_set)
    if indent is None:
        yield _COMPACT.encode(document)
    elif indent == 2:
        yield from _ENCODER.iterencode(document)
    else:
        yield from json.JSONEncoder(
            ensure_ascii=False, indent=indent
        ).iterencode(document)
    yield "\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def checked_indent(indent: object) -> int | None:
    """*indent*, if it is None or a number of spaces from 0 to 16."""
    if indent is None or (type(indent) is int and 0 <= indent <= 16):
        return indent
    raise InvalidValueError(
        "indent", indent, "expected None (compact) or 0 to 16 spaces"
    )
