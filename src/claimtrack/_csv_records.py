# SPDX-License-Identifier: MIT
"""
The CSV folder format: one table per record kind, and its descriptor.

Tables are written from the JSON format's own shape (`to_document`), and
reading builds that shape again and hands it to the JSON reader, then to
the claim set: the two formats hold exactly the same things and check
them with the same rules. Every problem is moved from its JSON path to
its file, row and column.
"""

from __future__ import annotations

import json
import re

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from claimtrack._batch_base import Finding
from claimtrack._claimset import ClaimSet
from claimtrack._csv_io import check_header, csv_text, read_table
from claimtrack._files import read_regular_file, write_atomically
from claimtrack._json_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    RECORD_LISTS,
    parse_document,
)
from claimtrack._json_writer import to_document
from claimtrack._strict_json import read_json
from claimtrack._table_schema import (
    DESCRIPTOR,
    Column,
    cell,
    columns_of,
    descriptor,
)
from claimtrack.exceptions import (
    ClaimtrackError,
    FormatError,
    TableError,
    TableProblem,
)


if TYPE_CHECKING:
    from claimtrack._records import Record


__all__ = ["load_folder", "read_folder", "write_folder"]


def write_folder(claim_set: ClaimSet, folder: Path) -> None:
    """Write every table, then the descriptor, each file atomically."""
    document = to_document(claim_set)
    folder.mkdir(parents=True, exist_ok=True)
    for key, cls in RECORD_LISTS:
        columns = columns_of(cls)
        rows = (
            [cell(column, item) for column in columns]
            for item in document.get(key, [])
        )
        header = [column.name for column in columns]
        text = csv_text(iter([header, *rows]))
        write_atomically(folder / f"{key}.csv", (text,))
    text = json.dumps(
        descriptor(document.get("policy")), indent=2, ensure_ascii=False
    )
    write_atomically(folder / DESCRIPTOR, (text, "\n"))


class _CellError(Exception):
    pass


def _value(column: Column, text: str) -> Any:
    if column.kind in ("text", "date"):
        return text
    expected = {
        "integer": "a whole number",
        "number": "a number",
        "list": 'a JSON list such as ["a", "b"]',
        "json": "a JSON value",
    }[column.kind]
    try:
        value = read_json(text)
    except FormatError as e:
        message = e.problems[0].message
        raise _CellError(f"expected {expected}; {message}") from None
    wrong = (
        (column.kind == "list" and type(value) is not list)
        or (column.kind == "integer" and type(value) is not int)
        or (column.kind == "number" and type(value) not in (int, float))
    )
    if wrong:
        raise _CellError(f"expected {expected}, got {text!r}")
    return value


# -- reading the folder -----------------------------------------------------


_ITEM = re.compile(r"\$\.(\w+)\[(\d+)\]")


def read_folder(
    folder: Path,
) -> tuple[Any, dict[str, list[int]], list[TableProblem]]:
    """
    The folder as a claimtrack JSON document, before any checks.

    Returns:
        The document, the row number of each item of each list, and the
        problems that kept cells or files from being read.
    """
    problems: list[TableProblem] = []
    document: dict[str, Any] = {}
    rows: dict[str, list[int]] = {}
    own = _read_descriptor(folder, problems)
    if own is None:
        # Named already: do not report its format and version missing too.
        own = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for key in ("format", "version", "policy"):
        if key in own:
            document[key] = own[key]
    for key, cls in RECORD_LISTS:
        label = f"{key}.csv"
        columns = columns_of(cls)
        table = read_table(folder / label, label)
        problems.extend(table.problems)
        if table.header is None:
            continue
        by_name = {column.name: column for column in columns}
        header_problems = check_header(
            label, table.header, list(by_name), set(by_name)
        )
        problems.extend(header_problems)
        if header_problems:
            continue
        order = [by_name[name] for name in table.header]
        items: list[dict[str, Any]] = []
        for number, cells in table.rows:
            if len(cells) != len(order):
                problems.append(
                    TableProblem(
                        label,
                        number,
                        None,
                        f"{len(cells)} cells, but the header has "
                        f"{len(order)} columns",
                    )
                )
                continue
            item = _item(label, number, order, cells, problems)
            if item is None:
                # Left out, so that its other fields are not blamed for
                # the cell that could not be read.
                continue
            items.append(item)
            rows.setdefault(key, []).append(number)
        document[key] = items
    return document, rows, problems


def _item(
    label: str,
    number: int,
    order: Sequence[Column],
    cells: Sequence[str],
    problems: list[TableProblem],
) -> dict[str, Any] | None:
    """A row in its JSON shape; None if a cell cannot be read."""
    item: dict[str, Any] = {}
    readable = True
    for column, text in zip(order, cells, strict=True):
        if text == "":
            continue
        try:
            value = _value(column, text)
        except _CellError as e:
            problems.append(TableProblem(label, number, column.name, str(e)))
            readable = False
            continue
        target = item
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = value
    return item if readable else None


def _read_descriptor(
    folder: Path, problems: list[TableProblem]
) -> dict[str, Any] | None:
    """The descriptor's ``claimtrack`` property; None after a problem."""
    try:
        data = read_regular_file(folder / DESCRIPTOR)
    except FileNotFoundError:
        problems.append(TableProblem(DESCRIPTOR, None, None, "missing"))
        return None
    except OSError as e:
        reason = e.strerror or str(e)
        problems.append(TableProblem(DESCRIPTOR, None, None, reason))
        return None
    try:
        descriptor = read_json(data)
    except FormatError as e:
        problems.append(
            TableProblem(DESCRIPTOR, None, None, e.problems[0].message)
        )
        return None
    own = descriptor.get("claimtrack") if type(descriptor) is dict else None
    if type(own) is not dict:
        problems.append(
            TableProblem(
                DESCRIPTOR,
                None,
                "claimtrack",
                "expected an object with the claimtrack format, version "
                "and policy, as claimtrack.tables.to_csv writes it",
            )
        )
        return None
    problems.extend(
        TableProblem(DESCRIPTOR, None, f"claimtrack.{key}", "unknown key")
        for key in own
        if key not in ("format", "version", "policy")
    )
    return own


def locate(
    path: str,
    message: str,
    rows: Mapping[str, Sequence[int]],
) -> TableProblem:
    """A problem at a JSON *path* of the built document, in table terms."""
    message = _ITEM.sub(lambda m: _where(m[1], int(m[2]), rows), message)
    match = _ITEM.match(path)
    if match is None:
        column = path.removeprefix("$").lstrip(".")
        return TableProblem(
            DESCRIPTOR,
            None,
            f"claimtrack.{column}" if column else "claimtrack",
            message,
        )
    key, index = match[1], int(match[2])
    rest = path[match.end() :].lstrip(".")
    cls = dict(RECORD_LISTS)[key]
    within, detail = _column_at(cls, rest)
    if detail:
        message = f"{detail}: {message}"
    return TableProblem(f"{key}.csv", rows[key][index], within, message)


def _where(key: str, index: int, rows: Mapping[str, Sequence[int]]) -> str:
    numbers = rows.get(key, ())
    if index < len(numbers):
        return f"{key}.csv row {numbers[index]}"
    return f"{key}.csv"


def _column_at(cls: type[Record], rest: str) -> tuple[str | None, str]:
    """The column a field path inside a record falls in, and what is left."""
    best = None
    for column in columns_of(cls):
        name = column.name
        inside = rest == name or rest.startswith((f"{name}.", f"{name}["))
        if inside and (best is None or len(name) > len(best)):
            best = name
    if best is None:
        # A nested field's own checks (a rating needs a label or a
        # value) name the whole field: point at its first column.
        head = rest.split(".", 1)[0].split("[", 1)[0]
        return (head or None), ""
    return best, rest[len(best) :].lstrip(".")


def problems_of(
    error: FormatError, rows: Mapping[str, Sequence[int]]
) -> list[TableProblem]:
    """*error*'s problems, each moved from its JSON path to its cell."""
    return [
        locate(problem.path, problem.message, rows)
        for problem in error.problems
    ]


def load_folder(folder: Path) -> ClaimSet:
    """
    The claim set in *folder*, checked as `ClaimSet.from_json` checks.

    Raises:
        TableError: With every problem found, each naming its file, row
            and column; nothing is loaded.
    """
    document, rows, problems = read_folder(folder)
    parsed = None
    try:
        parsed = parse_document(document)
    except FormatError as e:
        problems.extend(problems_of(e, rows))
    if problems or parsed is None:
        raise TableError(sorted(problems, key=_file_order))
    claim_set = ClaimSet(policy=parsed.policy)
    try:
        claim_set.record_many(parsed.records)
    except ClaimtrackError as error:
        # Only now, on failure, is the batch checked again for all its
        # problems: a good folder is validated once.
        findings = ClaimSet(policy=parsed.policy).validate(parsed.records)
        raise TableError(
            [_finding(finding, parsed.paths, rows) for finding in findings]
            or [TableProblem(None, None, None, str(error))]
        ) from None
    return claim_set


_FILES: Final = (DESCRIPTOR, *(f"{key}.csv" for key, _ in RECORD_LISTS))


def _file_order(problem: TableProblem) -> tuple[int, int]:
    """File by file, as they are read; row by row in each."""
    file = _FILES.index(problem.file) if problem.file in _FILES else -1
    return (file, problem.row or 0)


def _finding(
    finding: Finding,
    paths: Mapping[str, str],
    rows: Mapping[str, Sequence[int]],
) -> TableProblem:
    path = paths.get(finding.record or "", "")
    if not path:
        return TableProblem(None, None, None, str(finding.error))
    if finding.field:
        path = f"{path}.{finding.field}"
    return locate(path, str(finding.error), rows)
