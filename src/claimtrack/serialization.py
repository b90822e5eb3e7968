# SPDX-License-Identifier: MIT
"""
The claimtrack JSON format. Every cattrs hook lives here.

The model classes never import cattrs: this module owns the one converter
(`make_converter`), built on cattrs' preconfigured JSON conventions and made
strict: a number is not a string, a string is not a list, unknown keys are
errors.
"""

from __future__ import annotations

import enum
import json
import os

from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    NamedTuple,
    TypeVar,
    get_type_hints,
)

import attrs
import cattrs

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as make_json_converter

from claimtrack._claims import Claim
from claimtrack._dates import PartialDate
from claimtrack._documents import Document
from claimtrack._files import write_atomically
from claimtrack._links import JUDGEMENT_RELATIONS, Link, Relation
from claimtrack._policy import DEFAULT_POLICY, CorroborationPolicy
from claimtrack._ratings import Verdict
from claimtrack._records import RECORD_KINDS, Record
from claimtrack._reviews import Evidence, EvidenceRole, Rating
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement, Via
from claimtrack.exceptions import ClaimtrackError, FormatError, FormatProblem


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet
    from claimtrack._report import CorroborationReport


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "RECORD_LISTS",
    "ParsedDocument",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "parse_document",
    "read_json",
    "report_to_json",
    "save",
    "schema",
    "to_document",
]

FORMAT_NAME: Final = "claimtrack"
"""The value of ``"format"`` at the top of every claimtrack document."""

FORMAT_VERSION: Final = 2
"""
The format version this claimtrack writes, and the newest it reads.

Version 2 added documents' ``text``, links' ``note`` and ``evidence``,
and the ``copies`` and ``distinct_from`` relations; version 1 files are
read as they are.
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

_OPTIONAL_LISTS = frozenset({"reviews"})
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
E = TypeVar("E", Stance, Via, Relation, Verdict, EvidenceRole)
_ENUMS = (Stance, Via, Relation, Verdict, EvidenceRole)


# -- the converter ------------------------------------------------------


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_json_type(value)}")
    return value


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {_json_type(value)}")
    return value


def _strict_texts(value: object, _: type) -> tuple[str, ...]:
    if type(value) is not list:
        raise TypeError(f"expected a list, got {_json_type(value)}")
    for item in value:
        if type(item) is not str:
            raise TypeError(
                f"expected a list of strings, found {_json_type(item)}"
            )
    return tuple(value)


def _is_texts(cls: object) -> bool:
    return cls == tuple[str, ...]


def _strict_number(value: object, _: type) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, got {_json_type(value)}")
    assert isinstance(value, (int, float))
    return value


def _is_evidence_list(cls: object) -> bool:
    return cls == tuple[Evidence, ...]


def _strict_evidence(
    converter: cattrs.Converter,
) -> Callable[[object, type], tuple[Evidence, ...]]:
    def structure(value: object, _: type) -> tuple[Evidence, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {_json_type(value)}")
        return converter.structure(value, tuple[Evidence, ...])

    return structure


def _strict_date(value: object, _: type) -> PartialDate:
    return PartialDate.parse(_strict_str(value, str))


def _strict_enum(cls: type[E]) -> Callable[[object, type], E]:
    by_value = {member.value: member for member in cls}
    choices = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: type) -> E:
        try:
            return by_value[_strict_str(value, str)]
        except KeyError:
            raise ValueError(f"{value!r} is not one of {choices}") from None

    return structure


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach *converter* the claimtrack JSON conventions, strictly."""
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook_func(_is_texts, _strict_texts)
    converter.register_structure_hook(float, _strict_number)
    converter.register_structure_hook(PartialDate, _strict_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(Stance, _strict_enum(Stance))
    converter.register_structure_hook(Via, _strict_enum(Via))
    converter.register_structure_hook(Relation, _strict_enum(Relation))
    converter.register_structure_hook(Verdict, _strict_enum(Verdict))
    converter.register_structure_hook(EvidenceRole, _strict_enum(EvidenceRole))
    for kind in _ENUMS:
        converter.register_unstructure_hook(kind, _enum_value)
    # A plain converter for the items, so that the hook can check the list.
    items = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    items.register_structure_hook(str, _strict_str)
    items.register_structure_hook(EvidenceRole, _strict_enum(EvidenceRole))
    converter.register_structure_hook_func(
        _is_evidence_list, _strict_evidence(items)
    )
    converter.register_unstructure_hook(Rating, _unstructure_rating)
    for cls in (Evidence, *(cls for _, cls in RECORD_LISTS)):
        unstructure: Callable[[Any], dict[str, Any]]
        if cls is Statement:
            # Written even when it is the default, for readers' sake.
            unstructure = make_dict_unstructure_fn(
                cls,
                converter,
                _cattrs_omit_if_default=True,
                stance=override(omit_if_default=False),
            )
        else:
            unstructure = make_dict_unstructure_fn(
                cls, converter, _cattrs_omit_if_default=True
            )
        converter.register_unstructure_hook(cls, unstructure)
    converter.register_unstructure_hook(
        CorroborationPolicy, _unstructure_policy
    )
    converter.register_structure_hook(CorroborationPolicy, _structure_policy)


def _unstructure_rating(rating: Rating) -> dict[str, Any]:
    # The verdict is written always, last, so that a reader need not work
    # it out and sees the reviewer's own words first.
    written: dict[str, Any] = {
        name: value
        for name in ("label", "value", "best", "worst")
        if (value := getattr(rating, name)) is not None
    }
    written["verdict"] = rating.verdict.value
    return written


def _enum_value(member: enum.Enum) -> str:
    value = member.value
    assert isinstance(value, str)
    return value


def _unstructure_policy(policy: CorroborationPolicy) -> dict[str, Any]:
    written: dict[str, Any] = {
        "control": sorted(r.value for r in policy.control),
        "association": sorted(r.value for r in policy.association),
        "copying": sorted(r.value for r in policy.copying),
        "one_voice": sorted(policy.one_voice),
    }
    # Written only when used, so that files without it stay as they were.
    if policy.arms_length:
        written["arms_length"] = sorted(policy.arms_length)
    written["minimum"] = policy.minimum
    if policy.suspicions != "flag":
        written["suspicions"] = policy.suspicions
    return written


def _structure_policy(value: object, _: type) -> CorroborationPolicy:
    if type(value) is not dict:
        raise TypeError(f"expected an object, got {_json_type(value)}")
    unknown = set(value) - {f.name for f in attrs.fields(CorroborationPolicy)}
    if unknown:
        raise ForbiddenExtraKeysError("", CorroborationPolicy, unknown)
    fields: dict[str, Any] = {}
    for name in (
        "control",
        "association",
        "copying",
        "one_voice",
        "arms_length",
    ):
        if name in value:
            fields[name] = _strict_texts(value[name], list)
    if "minimum" in value:
        fields["minimum"] = _strict_int(value["minimum"], int)
    if "suspicions" in value:
        fields["suspicions"] = _strict_str(value["suspicions"], str)
    return CorroborationPolicy(**fields)


def make_converter() -> JsonConverter:
    """
    A new converter for the claimtrack JSON format.

    It is built with cattrs' JSON preconfiguration, refuses unknown keys,
    and collects every error in a record (detailed validation).
    """
    converter = make_json_converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


_CONVERTER = make_converter()


# -- writing ------------------------------------------------------------


def to_document(claim_set: ClaimSet) -> dict[str, Any]:
    """
    The claim set as a JSON-ready dict, with records sorted by id.

    Equal claim sets give equal documents, whatever the order in which
    their records were made.
    """
    unstructure = _CONVERTER.unstructure
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
    }
    if claim_set.policy != DEFAULT_POLICY:
        document["policy"] = unstructure(claim_set.policy)
    for key, _ in RECORD_LISTS:
        records = sorted(getattr(claim_set, key), key=_record_id)
        if records or key not in _OPTIONAL_LISTS:
            document[key] = [unstructure(record) for record in records]
    return document


def _record_id(record: Record) -> str:
    return record.id


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)


def _chunks(claim_set: ClaimSet) -> Iterator[str]:
    yield from _ENCODER.iterencode(to_document(claim_set))
    yield "\n"


def dumps(claim_set: ClaimSet) -> str:
    """The claim set as claimtrack JSON text; the same set, the same text."""
    return "".join(_chunks(claim_set))


def save(claim_set: ClaimSet, path: str | os.PathLike[str]) -> None:
    """
    Write the claim set to *path* atomically.

    The text goes to a temporary file in the same folder, which is flushed
    and synced to disk, then renamed over *path*. If anything fails, the
    temporary file is removed and whatever was at *path* is untouched.
    """
    write_atomically(path, _chunks(claim_set))


def report_to_json(report: CorroborationReport) -> dict[str, object]:
    """One report as the JSON the ``claimtrack report`` command writes."""
    return {
        "claim": report.claim,
        "status": report.status.value,
        "corroborated": report.corroborated,
        "asserting_groups": [
            sorted(g.sources) for g in report.asserting_groups
        ],
        "denying_groups": [sorted(g.sources) for g in report.denying_groups],
        "naive_source_count": report.naive_source_count,
        "credibility": report.credibility,
        "report_codes": dict(sorted(report.report_codes.items())),
        "reason": report.reason,
        "suspicions": [s.to_json() for s in report.suspicions],
        "groups_if_suspicions_hold": (
            None
            if report.groups_if_suspicions_hold is None
            else list(report.groups_if_suspicions_hold)
        ),
    }


# -- reading ------------------------------------------------------------


class ParsedDocument(NamedTuple):
    """A well-formed document's policy and records, before validation."""

    policy: CorroborationPolicy
    records: list[Record]
    paths: dict[str, str]
    """The JSON path of each record, by id."""


def read_json(text: str | bytes) -> Any:
    """
    Parse JSON text strictly.

    Raises:
        FormatError: If *text* is not UTF-8, not JSON, nested too deeply,
            or repeats a key within one object.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            raise _fail("$", f"not UTF-8 text (byte {e.start})") from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constants,
        )
    except json.JSONDecodeError as e:
        raise _fail(
            "$", f"not JSON: {e.msg} at line {e.lineno} column {e.colno}"
        ) from None
    except RecursionError:
        raise _fail("$", "nested too deeply to be claimtrack JSON") from None
    except _DuplicateKeyError as e:
        raise _fail("$", str(e)) from None


class _DuplicateKeyError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(f"key {key!r} repeated in an object")
            seen.add(key)
    return result


def _no_constants(name: str) -> None:
    raise _DuplicateKeyError(f"{name} is not a JSON number")


def _fail(path: str, message: str) -> FormatError:
    return FormatError([FormatProblem(path, message)])


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
        raise _fail("$", f"expected an object, got {_json_type(data)}")
    problems: list[FormatProblem] = []
    version = data.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise _fail(
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
            policy = _CONVERTER.structure(data["policy"], CorroborationPolicy)
        except Exception as e:  # noqa: BLE001 - every failure is reported
            problems.extend(_problems(e, "$.policy"))
    records: list[Record] = []
    paths: dict[str, str] = {}
    for key, cls in RECORD_LISTS:
        items = data.get(key, [])
        if type(items) is not list:
            problems.append(
                FormatProblem(
                    f"$.{key}", f"expected a list, got {_json_type(items)}"
                )
            )
            continue
        for index, item in enumerate(items):
            path = f"$.{key}[{index}]"
            if type(item) is not dict:
                problems.append(
                    FormatProblem(
                        path, f"expected an object, got {_json_type(item)}"
                    )
                )
                continue
            record = _plain_record(item, cls)
            if record is None:
                try:
                    record = _CONVERTER.structure(item, cls)
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


class _FlatFields(NamedTuple):
    """What a record made only of strings and lists of strings may hold."""

    names: frozenset[str]
    lists: tuple[str, ...]


_FLAT: dict[type[Record], _FlatFields] = {
    cls: _FlatFields(
        frozenset(field.name for field in attrs.fields(cls)),
        tuple(
            name
            for name, kind in get_type_hints(cls).items()
            if kind == tuple[str, ...]
        ),
    )
    for cls in (Source, Document, Claim, Link, Statement)
}


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
    try:
        return cls(**item)
    except Exception:  # noqa: BLE001 - the converter reports any failure
        return None


def _problems(error: BaseException, path: str) -> list[FormatProblem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    found: list[FormatProblem] = []
    pending: list[tuple[BaseException, str]] = [(error, path)]
    while pending:
        exception, where = pending.pop()
        if isinstance(exception, ClassValidationError):
            with_notes, without = exception.group_exceptions()
            pending.extend(
                (inner, f"{where}.{note.name}") for inner, note in with_notes
            )
            pending.extend((inner, where) for inner in without)
        elif isinstance(exception, IterableValidationError):
            indexed, unindexed = exception.group_exceptions()
            pending.extend(
                (inner, f"{where}[{note.index}]") for inner, note in indexed
            )
            pending.extend((inner, where) for inner in unindexed)
        elif isinstance(exception, ForbiddenExtraKeysError):
            found.extend(
                FormatProblem(f"{where}.{key}", "unknown key")
                for key in sorted(exception.extra_fields)
            )
        elif isinstance(exception, KeyError):
            found.append(FormatProblem(where, "required field missing"))
        elif isinstance(exception, ClaimtrackError):
            field = getattr(exception, "field", None)
            if field in _FIELD_NAMES and not where.endswith(f".{field}"):
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
    return tuple(
        # Only ASCII digits are an index: "²" is a digit int() refuses.
        (0, int(part), "")
        if part.isascii() and part.isdigit()
        else (1, 0, part)
        for part in path.replace("[", ".").replace("]", "").split(".")
    )


def loads(text: str | bytes) -> ClaimSet:
    """Load a claim set from claimtrack JSON text; see `ClaimSet.from_json`."""
    from claimtrack._claimset import ClaimSet  # noqa: PLC0415

    return ClaimSet.from_json(text)


def load(path: str | os.PathLike[str]) -> ClaimSet:
    """Load a claim set from a claimtrack JSON file."""
    return loads(Path(path).read_bytes())


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the claimtrack format."""
    text = (
        resources.files("claimtrack")
        .joinpath("claimtrack.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result
