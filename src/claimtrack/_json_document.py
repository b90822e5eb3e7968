# SPDX-License-Identifier: MIT
"""
Claimtrack JSON documents: records to text, and text to records with paths.

Nothing here knows the claim set: writing takes anything with a policy
and the six record lists, reading gives records and where each was, and
`problems_at` puts the claim set's findings back at their JSON paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, NamedTuple

import attrs

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from claimtrack._batch_base import Finding
from claimtrack._converter import CONVERTER, json_type
from claimtrack._documents import Document
from claimtrack._json_records import (
    RECORD_LISTS,
    may_refuse,
    plain_record,
    quick_records,
    refused_values,
)
from claimtrack._links import JUDGEMENT_RELATIONS, Link
from claimtrack._policy import DEFAULT_POLICY, CorroborationPolicy
from claimtrack._records import Record
from claimtrack._reviews import Evidence, Rating
from claimtrack._sources import Source
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
            if may_refuse(item):
                refused = refused_values(item, path, cls)
                if refused:
                    problems.extend(refused)
                    continue
            record = plain_record(item, cls)
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
    quick = quick_records(data)
    if quick is None:
        return None
    records, paths = quick
    return ParsedDocument(policy, records, paths)


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
