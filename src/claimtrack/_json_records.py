# SPDX-License-Identifier: MIT
"""
Claimtrack JSON records: each object of a document's lists to a record.

The full path (`may_refuse`, `refused_values`, `plain_record`) makes one
record at a time for `parse_document`, which names each problem; the
quick path (`quick_records`) makes every record of a sound document at
once, and gives up on anything the full path might report.
"""

from __future__ import annotations

import bisect
import operator

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, NamedTuple, get_origin, get_type_hints

import attrs

from claimtrack._claims import Claim, quick_claim
from claimtrack._converter import CONVERTER
from claimtrack._dates import PartialDate, parse_written
from claimtrack._documents import Document
from claimtrack._links import Link
from claimtrack._records import RECORD_KINDS, Record
from claimtrack._reviews import Evidence, Rating
from claimtrack._sources import Source, quick_source
from claimtrack._statements import Stance, Statement, quick_statement
from claimtrack.exceptions import ClaimtrackError, FormatProblem


__all__ = [
    "RECORD_LISTS",
    "may_refuse",
    "plain_record",
    "quick_records",
    "refused_values",
]

RECORD_LISTS: Final[tuple[tuple[str, type[Record]], ...]] = tuple(
    (kind.plural, kind.cls)
    for kind in sorted(RECORD_KINDS, key=lambda kind: kind.json_order)
)
"""
The document's record lists, in the order they are written.

Every list is written, even empty, except ``reviews``: a set without
reviews is written exactly as it was before reviews existed.
"""

_LIST_FIELDS: dict[type, frozenset[str]] = {
    cls: frozenset(
        name
        for name, kind in get_type_hints(cls).items()
        if get_origin(kind) is tuple
    )
    for cls in (*(cls for _, cls in RECORD_LISTS), Rating, Evidence)
}
"""
Each class's fields read from lists, for which the converter names a null
itself. Per class: a review's ``evidence`` is a list, a link's is text.
"""

_NON_EMPTY = ("derives_from", "evidence", "reviewed")
"""Lists that, when present, must hold something (as the schema says)."""


def may_refuse(item: dict[str, Any]) -> bool:
    """
    Whether `refused_values` may find something in *item*.

    False for a record with no null, no empty list and nothing nested,
    the common case, told by two quick scans of its values.
    """
    values = item.values()
    return (
        None in values
        or [] in values
        or "rating" in item
        or "evidence" in item
    )


def refused_values(
    item: dict[str, Any], path: str, cls: type[Record]
) -> list[FormatProblem]:
    """
    Values the schema refuses and the records would quietly accept.

    A null or an empty list would be read as the field's absence and
    vanish when written back: the key must be left out instead.
    """
    found: list[FormatProblem] = []
    nested: list[tuple[dict[str, Any], str, type]] = [(item, path, cls)]
    rating = item.get("rating")
    if type(rating) is dict:
        nested.append((rating, f"{path}.rating", Rating))
    evidence = item.get("evidence")
    if type(evidence) is list:
        nested.extend(
            (entry, f"{path}.evidence[{index}]", Evidence)
            for index, entry in enumerate(evidence)
            if type(entry) is dict
        )
    for values, where, kind in nested:
        lists = _LIST_FIELDS[kind]
        found.extend(
            FormatProblem(f"{where}.{key}", "null: leave the key out")
            for key, value in values.items()
            if value is None and key not in lists
        )
    found.extend(
        FormatProblem(f"{path}.{key}", "an empty list: leave the key out")
        for key in _NON_EMPTY
        if item.get(key) == []
    )
    return found


class _FlatFields(NamedTuple):
    """What a record made only of strings and lists of strings may hold."""

    names: frozenset[str]
    lists: tuple[str, ...]
    dates: tuple[str, ...]


_FLAT: dict[type[Record], _FlatFields] = {
    cls: _FlatFields(
        frozenset(field.name for field in attrs.fields(cls)),
        tuple(
            name
            for name, kind in get_type_hints(cls).items()
            if kind == tuple[str, ...]
        ),
        tuple(
            name
            for name, kind in get_type_hints(cls).items()
            if kind == PartialDate | None
        ),
    )
    for cls in (Source, Document, Claim, Link, Statement)
}


_READ_DATES: dict[str, PartialDate] = {}
"""Dates already read as `parse_written` reads them, by their text."""
_READ_DATES_LIMIT = 10_000


def plain_record(item: dict[str, Any], cls: type[Record]) -> Record | None:
    """
    The record *item* describes, made directly, if nothing is amiss.

    A flat record with known keys and real lists where lists belong
    checks its own values as it is made, as the converter would. None
    means "ask the converter", which then reports every problem with its
    JSON path.
    """
    flat = _FLAT.get(cls)
    if flat is None or not item.keys() <= flat.names:
        return None
    for name in flat.lists:
        if name in item and type(item[name]) is not list:
            return None
    fields = item
    for name in flat.dates:
        if name in item:
            if fields is item:
                fields = dict(item)
            date = _read_date(item[name])
            if date is None:
                return None
            fields[name] = date
    quick = _QUICK.get(cls)
    if quick is not None:
        try:
            made = quick(**fields)
        except TypeError:  # a required field is missing
            made = None
        if made is not None:
            return made
    try:
        return cls(**fields)
    except Exception:  # noqa: BLE001 - the converter reports any failure
        return None


def _read_date(value: object) -> PartialDate | None:
    """
    The date *value* writes, read as strictly as the converter reads it.

    None if it is not one: the records themselves also take "today" or
    " 2025 ", which the format refuses.
    """
    if type(value) is not str:
        return None
    date = _READ_DATES.get(value)
    if date is None:
        try:
            date = parse_written(value)
        except ClaimtrackError:
            return None
        if len(_READ_DATES) < _READ_DATES_LIMIT:
            _READ_DATES[value] = date
    return date


_QUICK: dict[type[Record], Callable[..., Record | None]] = {
    Source: quick_source,
    Claim: quick_claim,
    Statement: quick_statement,
}
"""The quick constructor of each kind that has one (see `quick_statement`)."""


# -- the quick path ------------------------------------------------------
#
# A document with nothing amiss is read without a JSON path per record:
# each record is made by its quick constructor straight from its object,
# else as the full path makes it. Anything the full path might report
# makes the quick path give up (None): the full path then reads the
# document again and names every problem.


def quick_records(
    data: Mapping[str, Any],
) -> tuple[list[Record], Mapping[str, str]] | None:
    """
    The records of *data*'s lists and the path of each, or None if unsure.

    The records are those `parse_document` makes of a version 2 document
    with no problem of shape; the paths are worked out when asked for.
    """
    records: list[Record] = []
    starts: list[int] = []
    for key, cls in RECORD_LISTS:
        items = data.get(key, [])
        if type(items) is not list or not set(map(type, items)) <= {dict}:
            return None
        starts.append(len(records))
        make = _QUICK_ITEMS.get(cls, _nothing)
        for item in items:
            record = make(item)
            if record is None and (record := _full_record(item, cls)) is None:
                return None
            records.append(record)
    ids = list(map(_id_of, records))
    index = dict(zip(ids, range(len(ids)), strict=True))
    if len(index) != len(ids):
        return None
    return records, _Paths(index, starts)


_id_of = operator.attrgetter("id")


class _Paths(Mapping[str, str]):
    """The JSON path of each record, by id, worked out when asked for."""

    def __init__(self, index: dict[str, int], starts: list[int]) -> None:
        self._index = index  # each id's place among all the records
        self._starts = starts  # where each list's records start there

    def __getitem__(self, id: str) -> str:
        place = self._index[id]
        which = bisect.bisect_right(self._starts, place) - 1
        key = RECORD_LISTS[which][0]
        return f"$.{key}[{place - self._starts[which]}]"

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _nothing(_: dict[str, Any]) -> None:
    """No quick maker: the full path makes every record of its kind."""


def _full_record(item: dict[str, Any], cls: type[Record]) -> Record | None:
    """The record the full path makes of *item*, or None if it refuses."""
    if may_refuse(item) and refused_values(item, "$", cls):
        return None
    record = plain_record(item, cls)
    if record is None:
        try:
            record = CONVERTER.structure(item, cls)
        except Exception:  # noqa: BLE001 - the full path reports it
            return None
    return record


def _quick_statement(item: dict[str, Any]) -> Record | None:
    keys = tuple(item)
    pick = _STATEMENT_SHAPES.get(keys) or _statement_shape(keys)
    values = tuple(item.values())
    if pick is None or None in values:
        return None  # an unknown key, or a null
    (id, claim, source, stance, date, document, parents, via, *texts) = pick(
        values + _PADDING
    )
    if parents is not _NO_PARENTS and (
        type(parents) is not list or not parents
    ):
        return None
    if date is not None and (date := _read_date(date)) is None:
        return None
    return _QUICK[Statement](
        id, claim, source, stance, date, document, parents, via, *texts
    )


_NO_PARENTS: Final[tuple[str, ...]] = ()
_PADDING = (None, _NO_PARENTS, Stance.ASSERTS)
"""What a statement's missing fields read as: after its own values."""

_STATEMENT_SHAPES: dict[tuple[str, ...], Callable[[tuple[Any, ...]], Any]]
_STATEMENT_SHAPES = {}
"""
How to read a statement's fields from its values, by its keys in order.

A writer writes few orders of keys (claimtrack's own, one per set of
optional fields present), so each is worked out once.
"""


def _statement_shape(
    keys: tuple[str, ...],
) -> Callable[[tuple[Any, ...]], Any] | None:
    """Where each field is among values of *keys* and `_PADDING`, if known."""
    names = [field.name for field in attrs.fields(Statement)]
    if not set(keys) <= set(names) or len(_STATEMENT_SHAPES) >= 100:
        return None
    missing = {"derives_from": 1, "stance": 2}  # else None, at 0
    pick = operator.itemgetter(
        *(
            keys.index(name)
            if name in keys
            else len(keys) + missing.get(name, 0)
            for name in names
        )
    )
    _STATEMENT_SHAPES[keys] = pick
    return pick


def _quick_claim(item: dict[str, Any]) -> Record | None:
    get = item.get
    fields = (
        get("id"),
        get("text"),
        get("places"),
        get("event_date"),
        get("tags"),
    )
    if len(item) + fields.count(None) != len(fields):
        return None
    id, text, places, date, tags = fields
    if date is not None and (date := _read_date(date)) is None:
        return None
    return _QUICK[Claim](
        id,
        text,
        () if places is None else places,
        date,
        () if tags is None else tags,
    )


def _quick_source(item: dict[str, Any]) -> Record | None:
    get = item.get
    fields = (
        get("id"),
        get("name"),
        get("kind"),
        get("aliases"),
        get("reliability"),
        get("identifiers"),
    )
    if len(item) + fields.count(None) != len(fields):
        return None
    id, name, kind, aliases, reliability, identifiers = fields
    return _QUICK[Source](
        id,
        name,
        kind,
        () if aliases is None else aliases,
        reliability,
        () if identifiers is None else identifiers,
    )


_QUICK_ITEMS: dict[type[Record], Callable[[dict[str, Any]], Record | None]]
_QUICK_ITEMS = {
    Source: _quick_source,
    Claim: _quick_claim,
    Statement: _quick_statement,
}
"""
Each kind's maker from a JSON object, where it has a quick constructor.

Each passes the object's values to the constructor as `plain_record`
would, and gives None where that would not make the record: an unknown
key or a null (counted: the object has a key for each value read that is
not None), an empty list of parents, a date the format refuses.
"""
