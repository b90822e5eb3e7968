# SPDX-License-Identifier: MIT
"""CSV text in and out: RFC 4180 rows, strict decoding, checked headers."""

from __future__ import annotations

import csv
import io

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from claimtrack._files import read_regular_file
from claimtrack.exceptions import TableProblem


__all__ = ["Table", "check_header", "csv_text", "read_table"]


def csv_text(rows: Iterator[Sequence[str]]) -> str:
    """Rows as RFC 4180 CSV text: CRLF line ends, quotes only where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


# -- reading one table ----------------------------------------------------


class Table(NamedTuple):
    """A CSV file read as text: its header, its rows and its problems."""

    header: list[str] | None
    """The first row; None if the file could not be read."""
    rows: list[tuple[int, list[str]]]
    """Each later row with its number (the header is row 1)."""
    problems: list[TableProblem]
    """What stopped the file, or part of it, from being read."""


_BOM = "\ufeff"


def read_table(path: Path, label: str, *, bom: bool = False) -> Table:
    """
    Read the CSV file at *path*, naming it *label* in problems.

    A byte order mark is a problem unless *bom* allows it. Blank lines are
    skipped (but counted, as a spreadsheet numbers its rows).
    """
    problems: list[TableProblem] = []
    try:
        data = read_regular_file(path)
    except FileNotFoundError:
        return Table(None, [], [TableProblem(label, None, None, "missing")])
    except OSError as e:
        reason = e.strerror or str(e)
        return Table(None, [], [TableProblem(label, None, None, reason)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        message = f"not UTF-8 text: byte {e.start} (line {line})"
        return Table(None, [], [TableProblem(label, None, None, message)])
    if text.startswith(_BOM):
        text = text[1:]
        if not bom:
            problems.append(
                TableProblem(
                    label,
                    1,
                    None,
                    "starts with a byte order mark (BOM): save it as "
                    "UTF-8 without one",
                )
            )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, row in enumerate(reader, 1):
            if header is None:
                header = row
            elif row:
                rows.append((number, row))
    except csv.Error as e:
        problems.append(TableProblem(label, number + 1, None, f"not CSV: {e}"))
        return Table(None, [], problems)
    if header is None and not problems:
        problems.append(
            TableProblem(label, 1, None, "empty: expected a header row")
        )
    return Table(header, rows, problems)


def check_header(
    label: str, header: Sequence[str], known: Sequence[str], needed: set[str]
) -> list[TableProblem]:
    """Every duplicate, unknown or missing (*needed*) column, named."""
    problems: list[TableProblem] = []
    first: dict[str, int] = {}
    for position, name in enumerate(header, 1):
        if name in first:
            problems.append(
                TableProblem(
                    label,
                    1,
                    name,
                    f"column repeated (columns {first[name]} and {position})",
                )
            )
        else:
            first[name] = position
        if name not in known:
            problems.append(
                TableProblem(
                    label,
                    1,
                    name or f"(column {position})",
                    "unknown column; the columns are " + ", ".join(known),
                )
            )
    problems.extend(
        TableProblem(label, 1, name, "missing column")
        for name in known
        if name in needed and name not in first
    )
    return problems
