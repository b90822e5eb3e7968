# SPDX-License-Identifier: MIT
"""
Table columns derived from the record classes, and their descriptor.

Each record kind's table has a column per attrs field, in field order; a
field holding a nested record written as an object (a review's rating)
has a column per part, ``rating.label``. A field added to a record class
later gets its column, its type and its description (from the class's
``Attributes:`` documentation) without any change here.
"""

from __future__ import annotations

import enum
import json
import re
import types
import typing

from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal, NamedTuple, get_args, get_origin

import attrs

from claimtrack._dates import PartialDate
from claimtrack._json_document import FORMAT_NAME, FORMAT_VERSION, RECORD_LISTS


if typing.TYPE_CHECKING:
    from claimtrack._records import Record


__all__ = [
    "DESCRIPTOR",
    "Column",
    "ColumnKind",
    "cell",
    "columns_of",
    "descriptor",
    "value_at",
]

DESCRIPTOR: Final = "datapackage.json"
"""The name of the folder's Frictionless Data Package descriptor."""

ColumnKind = Literal["text", "date", "integer", "number", "list", "json"]

_TABLE_TYPES: Final[dict[str, str]] = {
    "text": "string",
    "date": "string",
    "integer": "integer",
    "number": "number",
    "list": "array",
    "json": "any",
}
_SYNTAX: Final[dict[str, str]] = {
    "text": "",
    "date": (
        " An ISO 8601 date of its own precision: 2025, 2025-06, "
        "2025-06-04, or a date and time with its zone."
    ),
    "integer": " A whole number.",
    "number": " A JSON number.",
    "list": ' A JSON list, such as ["a", "b"].',
    "json": " A JSON value.",
}
_FOREIGN_KEYS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "documents": (("publisher", "sources"),),
    "statements": (
        ("claim", "claims"),
        ("source", "sources"),
        ("document", "documents"),
        ("target", "statements"),
    ),
    "reviews": (("claim", "claims"), ("reviewer", "sources")),
}
"""Single-column references that always name one kind of record."""


class Column(NamedTuple):
    """One column of a table: where its value sits in the JSON shape."""

    name: str
    """The header: a field name, or ``field.part`` inside a nested field."""
    path: tuple[str, ...]
    """The keys that lead to the value in the record's JSON object."""
    kind: ColumnKind
    """How the cell is written: as text, or as JSON."""
    required: bool
    """Whether every record has a value here."""
    choices: tuple[str, ...]
    """The allowed values of an enumeration; empty for any."""
    description: str
    """What the column holds, from the record class's documentation."""


_COLUMNS: dict[type, tuple[Column, ...]] = {}


def columns_of(cls: type[Record]) -> tuple[Column, ...]:
    """The columns of *cls*'s table, in field order, nested fields inline."""
    found = _COLUMNS.get(cls)
    if found is None:
        found = _COLUMNS[cls] = tuple(_derive_columns(cls))
    return found


def _derive_columns(cls: type) -> Iterator[Column]:
    # A stack of field iterators, so that a nested record class (a review's
    # rating) puts its columns where its field is, without recursion.
    stack: list[tuple[tuple[str, ...], Iterator[Any], bool, type]] = [
        ((), iter(attrs.fields(cls)), True, cls)
    ]
    while stack:
        prefix, fields, required, owner = stack[-1]
        field = next(fields, None)
        if field is None:
            stack.pop()
            continue
        path = (*prefix, field.name)
        needed = required and field.default is attrs.NOTHING
        kind_type = _without_none(typing.get_type_hints(owner)[field.name])
        # A record class written as an object gets a column per field; a
        # date is an attrs class too, but written as one string.
        if attrs.has(kind_type) and kind_type is not PartialDate:
            stack.append(
                (path, iter(attrs.fields(kind_type)), needed, kind_type)
            )
            continue
        kind, choices = _kind(kind_type)
        syntax = _SYNTAX[kind]
        items = get_args(kind_type)[:1]
        if kind == "list" and items and attrs.has(items[0]):
            keys = ", ".join(f.name for f in attrs.fields(items[0]))
            syntax = f" A JSON list of objects with the keys {keys}."
        yield Column(
            ".".join(path),
            path,
            kind,
            needed,
            choices,
            _attribute_docs(owner).get(field.name, "") + syntax,
        )


def _without_none(hint: Any) -> Any:
    if get_origin(hint) in (types.UnionType, typing.Union):
        rest = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


def _kind(hint: Any) -> tuple[ColumnKind, tuple[str, ...]]:
    if get_origin(hint) is tuple:
        return "list", ()
    if hint is PartialDate:
        return "date", ()
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "text", tuple(str(member.value) for member in hint)
    if hint is str:
        return "text", ()
    if hint is int:
        return "integer", ()
    if hint is float:
        return "number", ()
    return "json", ()


_ATTRIBUTE = re.compile(r"^(\s+)(\w+): (.*)$")


def _attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of *cls*'s docstring, joined per name."""
    docs: dict[str, str] = {}
    lines = iter((cls.__doc__ or "").splitlines())
    for line in lines:
        if line.strip() == "Attributes:":
            break
    indent, name = None, ""
    for line in lines:
        match = _ATTRIBUTE.match(line)
        if match and (indent is None or len(match[1]) == indent):
            indent, name = len(match[1]), match[2]
            docs[name] = match[3].strip()
        elif (
            line.strip()
            and indent is not None
            and (len(line) - len(line.lstrip()) > indent)
        ):
            docs[name] += " " + line.strip()
        else:
            break
    return docs


# -- writing ------------------------------------------------------------


def value_at(column: Column, item: Mapping[str, Any]) -> Any:
    """*column*'s value in a record's JSON shape; None if it has none."""
    value: Any = item
    for key in column.path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def cell(column: Column, item: Mapping[str, Any]) -> str:
    """The text of *column*'s cell for a record in its JSON shape."""
    value = value_at(column, item)
    if value is None:
        return ""
    if column.kind in ("text", "date") and isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


# -- the Frictionless descriptor ------------------------------------------


def descriptor(policy: object) -> dict[str, Any]:
    """
    The folder's ``datapackage.json``: a Tabular Data Package.

    Each table is a resource whose schema lists its columns with their
    types, descriptions and constraints, its primary key (``id``) and the
    foreign keys that always name one kind of record. The custom
    ``claimtrack`` property holds the format, its version and *policy*
    (the JSON format's ``policy``, left out when None).
    """
    own: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if policy is not None:
        own["policy"] = policy
    return {
        "profile": "tabular-data-package",
        "name": "claimtrack-claim-set",
        "title": "A claimtrack claim set",
        "resources": [_resource(key, cls) for key, cls in RECORD_LISTS],
        "claimtrack": own,
    }


def _resource(key: str, cls: type[Record]) -> dict[str, Any]:
    columns = columns_of(cls)
    names = {column.name for column in columns}
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in columns],
        "missingValues": [""],
        "primaryKey": ["id"],
    }
    foreign = [
        {
            "fields": [name],
            # An empty resource name refers to this table itself.
            "reference": {
                "resource": "" if target == key else target,
                "fields": ["id"],
            },
        }
        for name, target in _FOREIGN_KEYS.get(key, ())
        if name in names
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": key,
        "path": f"{key}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TABLE_TYPES[column.kind],
        "description": column.description.strip(),
    }
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.name == "id":
        constraints["unique"] = True
    if column.choices:
        constraints["enum"] = list(column.choices)
    if constraints:
        field["constraints"] = constraints
    return field
