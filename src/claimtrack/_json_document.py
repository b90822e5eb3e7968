# SPDX-License-Identifier: MIT
"""
Claimtrack JSON documents: records to text, and text to records with paths.

Nothing here knows the claim set: writing takes anything with a policy
and the six record lists, reading gives records and where each was, and
`problems_at` puts the claim set's findings back at their JSON paths.
"""

from __future__ import annotations

import bisect
import operator

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import (
    Any,
    Final,
    NamedTuple,
    get_origin,
    get_type_hints,
)

import attrs

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from claimtrack._batch_base import Finding
from claimtrack._claims import Claim, quick_claim
from claimtrack._converter import CONVERTER, json_type
from claimtrack._dates import PartialDate, parse_written
from claimtrack._documents import Document
from claimtrack._links import JUDGEMENT_RELATIONS, Link
from claimtrack._policy import DEFAULT_POLICY, CorroborationPolicy
from claimtrack._records import RECORD_KINDS, Record
from claimtrack._reviews import Evidence, Rating
from claimtrack._sources import Source, quick_source
from claimtrack._statements import Stance, Statement, quick_statement
from claimtrack._strict_json import format_error
from claimtrack.exceptions import (
    ClaimtrackError,
    FormatError,
    FormatProblem,
)


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "OPTIONAL_LISTS",
    "RECORD_LISTS",
    "ParsedDocument",
    "parse_document",
    "problems_at",
]

FORMAT_NAME: Final = "claimtrack"
"""The value of ``"format"`` at the top of every claimtrack document."""

FORMAT_VERSION: Final = 2
"""
The format version this claimtrack writes, and the newest it reads.

Version 2 added sources' ``identifiers``, documents' ``text``, links'
``note`` and ``evidence``, and the ``copies`` and ``distinct_from``
relations; version 1 files are read as they are.
"""

RECORD_LISTS: Final[tuple[tuple[str, type[Record]], ...]] = tuple(
    (kind.plural, kind.cls)
    for kind in sorted(RECORD_KINDS, key=lambda kind: kind.json_order)
)
"""
The document's record lists, in the order they are written.

Every list is written, even empty, except ``reviews``: a set without
reviews is written exactly as it was before reviews existed.
"""

OPTIONAL_LISTS = frozenset({"reviews"})
_FIELD_NAMES = frozenset(
    field.name
    for cls in (
        *(cls for _, cls in RECORD_LISTS),
        CorroborationPolicy,
        Rating,
        Evidence,
    )
    for field in attrs.fields(cls)
)
_TOP_KEYS = frozenset(
    {"format", "version", "policy", *(key for key, _ in RECORD_LISTS)}
)


# -- reading ------------------------------------------------------------


class ParsedDocument(NamedTuple):
    """A well-formed document's policy and records, before validation."""

    policy: CorroborationPolicy
    records: list[Record]
    paths: Mapping[str, str]
    """The JSON path of each record, by id."""


def parse_document(data: Any) -> ParsedDocument:
    """
    Check the shape of a parsed claimtrack document and build its records.

    References between records are not checked here: `ClaimSet.from_json`
    does that with the same rules as `ClaimSet.record_many`.

    Raises:
        FormatError: With every problem of shape found, each with its
            JSON path; or at once for a document of a newer version.
    """
    if type(data) is not dict:
        raise format_error("$", f"expected an object, got {json_type(data)}")
    quick = _quick_document(data)
    if quick is not None:
        return quick
    problems: list[FormatProblem] = []
    version = data.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise format_error(
            "$.version",
            f"this document is claimtrack format version {version}, newer "
            f"than version {FORMAT_VERSION}, the newest this claimtrack "
            "reads: upgrade claimtrack to load it",
        )
    if "format" not in data:
        problems.append(FormatProblem("$", "missing 'format'"))
    elif data["format"] != FORMAT_NAME:
        problems.append(
            FormatProblem(
                "$.format",
                f"expected {FORMAT_NAME!r}, got {data['format']!r}",
            )
        )
    if "version" not in data:
        problems.append(FormatProblem("$", "missing 'version'"))
    elif type(version) is not int or version < 1:
        problems.append(
            FormatProblem(
                "$.version", f"expected a version number, got {version!r}"
            )
        )
    problems.extend(
        FormatProblem(f"$.{key}", "unknown key")
        for key in data
        if key not in _TOP_KEYS
    )
    policy = DEFAULT_POLICY
    if "policy" in data:
        try:
            policy = CONVERTER.structure(data["policy"], CorroborationPolicy)
        except Exception as e:  # noqa: BLE001 - every failure is reported
            problems.extend(_problems(e, "$.policy"))
    records: list[Record] = []
    paths: dict[str, str] = {}
    for key, cls in RECORD_LISTS:
        items = data.get(key, [])
        if type(items) is not list:
            problems.append(
                FormatProblem(
                    f"$.{key}", f"expected a list, got {json_type(items)}"
                )
            )
            continue
        for index, item in enumerate(items):
            path = f"$.{key}[{index}]"
            if type(item) is not dict:
                problems.append(
                    FormatProblem(
                        path, f"expected an object, got {json_type(item)}"
                    )
                )
                continue
            if _may_refuse(item):
                refused = _refused_values(item, path, cls)
                if refused:
                    problems.extend(refused)
                    continue
            record = _plain_record(item, cls)
            if record is None:
                try:
                    record = CONVERTER.structure(item, cls)
                except Exception as e:  # noqa: BLE001 - all are reported
                    problems.extend(_problems(e, path))
                    continue
            if record.id in paths:
                problems.append(
                    FormatProblem(
                        f"{path}.id",
                        f"id {record.id!r} is already used at "
                        f"{paths[record.id]}",
                    )
                )
                continue
            paths[record.id] = path
            records.append(record)
            if version == 1:
                problems.extend(_newer_than_1(record, path))
    if problems:
        raise FormatError(problems)
    return ParsedDocument(policy, records, paths)


def _newer_than_1(record: Record, path: str) -> Iterator[FormatProblem]:
    """What in *record* a version 1 document cannot hold."""
    new = "new in format version 2; this document says version 1"
    if isinstance(record, Source) and record.identifiers:
        yield FormatProblem(f"{path}.identifiers", new)
    if isinstance(record, Document) and record.text is not None:
        yield FormatProblem(f"{path}.text", new)
    if isinstance(record, Link):
        if record.note is not None:
            yield FormatProblem(f"{path}.note", new)
        if record.evidence is not None:
            yield FormatProblem(f"{path}.evidence", new)
        if record.relation in JUDGEMENT_RELATIONS:
            yield FormatProblem(
                f"{path}.relation", f"{record.relation.value} is {new}"
            )


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


def _may_refuse(item: dict[str, Any]) -> bool:
    """
    Whether `_refused_values` may find something in *item*.

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


def _refused_values(
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


def _plain_record(item: dict[str, Any], cls: type[Record]) -> Record | None:
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
# else as the full path makes it. Anything the full path might report,
# or a version 1 document, makes the quick path give up (None): the full
# path then reads the document again and names every problem.


def _quick_document(data: dict[str, Any]) -> ParsedDocument | None:
    """What `parse_document` makes of *data*, or None if unsure."""
    version = data.get("version")
    if (
        not data.keys() <= _TOP_KEYS
        or type(version) is not int
        or version != FORMAT_VERSION
        or data.get("format") != FORMAT_NAME
    ):
        return None
    policy = DEFAULT_POLICY
    if "policy" in data:
        try:
            policy = CONVERTER.structure(data["policy"], CorroborationPolicy)
        except Exception:  # noqa: BLE001 - the full path reports it
            return None
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
    return ParsedDocument(policy, records, _Paths(index, starts))


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
    if _may_refuse(item) and _refused_values(item, "$", cls):
        return None
    record = _plain_record(item, cls)
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

Each passes the object's values to the constructor as `_plain_record`
would, and gives None where that would not make the record: an unknown
key or a null (counted: the object has a key for each value read that is
not None), an empty list of parents, a date the format refuses.
"""


def _problems(error: BaseException, path: str) -> list[FormatProblem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    found: list[FormatProblem] = []
    # Each error with its path, and whether that path already names the
    # field it was raised for.
    pending: list[tuple[BaseException, str, bool]] = [(error, path, False)]
    while pending:
        exception, where, at_field = pending.pop()
        if isinstance(exception, ClassValidationError):
            with_notes, without = exception.group_exceptions()
            pending.extend(
                (inner, f"{where}.{note.name}", True)
                for inner, note in with_notes
            )
            pending.extend((inner, where, at_field) for inner in without)
        elif isinstance(exception, IterableValidationError):
            indexed, unindexed = exception.group_exceptions()
            pending.extend(
                (inner, f"{where}[{note.index}]", True)
                for inner, note in indexed
            )
            pending.extend((inner, where, at_field) for inner in unindexed)
        elif isinstance(exception, ForbiddenExtraKeysError):
            found.extend(
                FormatProblem(f"{where}.{key}", "unknown key")
                for key in sorted(exception.extra_fields)
            )
        elif isinstance(exception, KeyError):
            found.append(FormatProblem(where, "required field missing"))
        elif isinstance(exception, ClaimtrackError):
            field = getattr(exception, "field", None)
            if not at_field and field in _FIELD_NAMES:
                # Raised by the record's own checks, after its fields
                # were read: point at the field it names.
                where = f"{where}.{field}"
            found.append(FormatProblem(where, str(exception)))
        else:
            found.append(FormatProblem(where, str(exception)))
    found.sort(key=lambda problem: _path_key(problem.path))
    return found


def _path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    # Indexes sort by number, before keys; a key made of digits ("0")
    # must never be compared with a number.
    # Numbers compare by length, then digits, never through int(): a key
    # of 5,000 digits is too long for it.
    return tuple(
        # Only ASCII digits are an index: "²" is a digit int() refuses.
        (0, len(part.lstrip("0")), part.lstrip("0"))
        if part.isascii() and part.isdigit()
        else (1, 0, part)
        for part in path.replace("[", ".").replace("]", "").split(".")
    )


def problems_at(
    paths: Mapping[str, str], findings: Iterable[Finding]
) -> list[FormatProblem]:
    """The claim set's *findings*, each at its record's JSON path."""
    problems = []
    for finding in findings:
        path = paths.get(finding.record or "", "$")
        if finding.field:
            path = f"{path}.{finding.field}"
        problems.append(FormatProblem(path, str(finding.error)))
    return problems
