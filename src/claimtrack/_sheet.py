# SPDX-License-Identifier: MIT
"""
The one-sheet form: one row per statement, filled in by hand.

Sources, claims and documents are named, not given ids: each gets an id
derived from its name (`name_id`), and rows that name it alike share it.
"""

from __future__ import annotations

import hashlib
import re

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final, NamedTuple

from claimtrack._batch_base import Finding
from claimtrack._claims import Claim
from claimtrack._claimset import ClaimSet
from claimtrack._csv_io import check_header, csv_text, read_table
from claimtrack._dates import PartialDate
from claimtrack._documents import Document
from claimtrack._records import Record
from claimtrack._sources import Source
from claimtrack._statements import Statement
from claimtrack._text import fold
from claimtrack.exceptions import (
    ClaimtrackError,
    InvalidValueError,
    TableError,
    TableProblem,
)


__all__ = ["SHEET_COLUMNS", "name_id", "read_sheet", "template_text"]

SHEET_COLUMNS: Final = (
    "statement",
    "source",
    "stance",
    "claim",
    "date",
    "document",
    "document_date",
    "publisher",
    "url",
    "quote",
    "modality",
    "relays",
    "via",
    "retracts",
)
"""The one-sheet form's columns, in the order the template writes them."""

_NEEDED = frozenset({"source", "claim"})
_PREFIX: Final = {"source": "", "claim": "claim:", "document": "doc:"}
_LONGEST = 60
_SEPARATOR = ";"

_EXAMPLE: Final = (
    (
        "s1",
        "FAMa General Staff",
        "asserts",
        "A logistics convoy was destroyed at Yenchechi",
        "2025-06-04",
        "Communiqué of the General Staff",
        "2025-06-04",
        "FAMa General Staff",
        "",
        "",
        "",
        "",
        "",
        "",
    ),
    (
        "s2",
        "The outlet",
        "asserts",
        "A logistics convoy was destroyed at Yenchechi",
        "Thursday",
        "Army says convoy destroyed",
        "2025-06-05",
        "The outlet",
        "https://example.org/article",
        "",
        "reported",
        "s1",
        "relays",
        "",
    ),
)


def template_text(*, example: bool = False) -> str:
    """The form's CSV text: its header, and two filled rows if *example*."""
    rows = [SHEET_COLUMNS, *(_EXAMPLE if example else ())]
    return csv_text(iter(rows))


def name_id(kind: str, name: str) -> str:
    """
    The id the form gives the *kind* record called *name*.

    *name* is folded (no case, no accents), every run of characters other
    than letters and digits becomes one ``-``, and claims and documents
    get a prefix (``claim:``, ``doc:``). An id longer than 60 characters
    is cut, and ends with 8 hexadecimal digits of its full form's hash.
    An empty string means the name has no letter or digit.
    """
    slug = re.sub(r"[\W_]+", "-", fold(name)).strip("-")
    if not slug:
        return ""
    if len(slug) > _LONGEST:
        digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[: _LONGEST - 9].rstrip('-')}-{digest}"
    return _PREFIX[kind] + slug


class _Named(NamedTuple):
    name: str
    row: int


class _Sheet:
    """The records a sheet describes, and every problem in it."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[TableProblem] = []
        self.named: dict[str, dict[str, _Named]] = {
            kind: {} for kind in _PREFIX
        }
        self.documents: dict[str, dict[str, tuple[str, int]]] = {}
        self.statement_rows: dict[str, int] = {}
        self.by_row: dict[int, str] = {}
        self.records: list[Record] = []
        self.rows: dict[str, int] = {}

    def problem(self, row: int | None, column: str | None, text: str) -> None:
        self.problems.append(TableProblem(self.label, row, column, text))

    def name(self, kind: str, row: int, column: str, text: str) -> str:
        """The id of the record *text* names, noted on first sight."""
        record_id = name_id(kind, text)
        if not record_id:
            self.problem(row, column, f"{text!r} has no letter or digit")
        elif record_id not in self.named[kind]:
            self.named[kind][record_id] = _Named(text, row)
        return record_id

    def document(self, row: int, cells: Mapping[str, str]) -> str | None:
        """Note the document a row names, and what it says about it."""
        title = cells["document"]
        if not title:
            for column in ("document_date", "publisher", "url"):
                if cells[column]:
                    self.problem(
                        row,
                        column,
                        "describes a document, but the document column "
                        "(its title) is empty",
                    )
            return None
        document_id = self.name("document", row, "document", title)
        said = self.documents.setdefault(document_id, {})
        for column in ("document_date", "publisher", "url"):
            text = cells[column]
            if not text:
                continue
            if column == "publisher":
                text = self.name("source", row, column, text)
            earlier = said.get(column)
            if earlier is None:
                said[column] = (text, row)
            elif earlier[0] != text:
                self.problem(
                    row,
                    column,
                    f"document {title!r} has {column} "
                    f"{cells[column]!r} here and another in row "
                    f"{earlier[1]}",
                )
        return document_id

    def reference(self, row: int, column: str, text: str) -> str | None:
        """The statement a relays or retracts reference names."""
        if text in self.statement_rows:
            return text
        if text.isascii() and text.isdigit() and int(text) in self.by_row:
            return self.by_row[int(text)]
        self.problem(
            row,
            column,
            f"no statement {text!r} in the sheet"
            + (
                f", and row {text} holds no statement"
                if text.isascii() and text.isdigit()
                else ""
            ),
        )
        return None


def read_sheet(path: Path) -> ClaimSet:
    """
    The claim set a one-sheet form describes.

    Raises:
        TableError: With every problem found, each naming its row and
            column; nothing is loaded.
    """
    label = path.name
    table = read_table(path, label, bom=True)
    sheet = _Sheet(label)
    sheet.problems.extend(table.problems)
    if table.header is None:
        raise TableError(sheet.problems)
    header = [_column_name(name) for name in table.header]
    # Spreadsheets often save empty columns beyond the last one used:
    # a column without a header is ignored while its cells are empty.
    named = [name for name in header if name]
    sheet.problems.extend(
        check_header(label, named, SHEET_COLUMNS, set(_NEEDED))
    )
    if sheet.problems:
        raise TableError(sheet.problems)
    rows = list(_rows(sheet, header, table.rows))
    for row, cells in rows:
        statement = cells["statement"] or f"row:{row}"
        if statement in sheet.statement_rows:
            sheet.problem(
                row,
                "statement",
                f"statement {statement!r} is already in row "
                f"{sheet.statement_rows[statement]}",
            )
            continue
        sheet.statement_rows[statement] = row
        sheet.by_row[row] = statement
    documents = {row: sheet.document(row, cells) for row, cells in rows}
    dates = _document_dates(sheet)
    for row, cells in rows:
        if sheet.by_row.get(row) is not None:
            _statement(sheet, row, cells, documents[row], dates)
    if sheet.problems:
        raise TableError(sorted(sheet.problems, key=_row_order))
    _add_named(sheet, dates)
    claim_set = ClaimSet()
    try:
        claim_set.record_many(sheet.records)
    except ClaimtrackError as error:
        findings = ClaimSet().validate(sheet.records)
        raise TableError(
            [_finding(sheet, finding) for finding in findings]
            or [TableProblem(label, None, None, str(error))]
        ) from None
    return claim_set


def _column_name(text: str) -> str:
    """A header cell as a column name: any case, spaces for underscores."""
    return re.sub(r"[\s-]+", "_", text.strip().casefold())


def _rows(
    sheet: _Sheet,
    header: Sequence[str],
    rows: Iterable[tuple[int, list[str]]],
) -> Iterable[tuple[int, dict[str, str]]]:
    width = len(header)
    for row, cells in rows:
        values = [text.strip() for text in cells]
        stray = [
            position
            for position, text in enumerate(values, 1)
            if text and (position > width or not header[position - 1])
        ]
        if stray:
            sheet.problem(
                row,
                None,
                f"a value in column {stray[0]}, which has no header",
            )
            continue
        if not any(values):
            continue
        found = dict.fromkeys(SHEET_COLUMNS, "")
        found.update(
            (name, text)
            for name, text in zip(header, values, strict=False)
            if name
        )
        yield row, found


def _document_dates(sheet: _Sheet) -> dict[str, PartialDate]:
    dates = {}
    for document_id, said in sheet.documents.items():
        if "document_date" in said:
            text, row = said["document_date"]
            date = _date(sheet, row, "document_date", text, None)
            if date is not None:
                dates[document_id] = date
    return dates


def _date(
    sheet: _Sheet,
    row: int,
    column: str,
    text: str,
    reference: PartialDate | None,
) -> PartialDate | None:
    try:
        return PartialDate.parse(text, reference=reference)
    except InvalidValueError as e:
        sheet.problem(row, column, f"invalid date {text!r}: {e.reason}")
        return None


_FIELD_COLUMNS: Final = {
    "statement": {
        "id": "statement",
        "claim": "claim",
        "source": "source",
        "stance": "stance",
        "date": "date",
        "document": "document",
        "derives_from": "relays",
        "via": "via",
        "target": "retracts",
        "quote": "quote",
        "modality": "modality",
    },
    "document": {
        "id": "document",
        "title": "document",
        "date": "document_date",
        "publisher": "publisher",
        "url": "url",
    },
    "source": {"id": "source", "name": "source"},
    "claim": {"id": "claim", "text": "claim"},
}


def _statement(
    sheet: _Sheet,
    row: int,
    cells: Mapping[str, str],
    document: str | None,
    dates: Mapping[str, PartialDate],
) -> None:
    source = claim = ""
    if cells["source"]:
        source = sheet.name("source", row, "source", cells["source"])
    else:
        sheet.problem(row, "source", "empty: who made the statement?")
    if cells["claim"]:
        claim = sheet.name("claim", row, "claim", cells["claim"])
    else:
        sheet.problem(row, "claim", "empty: what was claimed?")
    date = None
    if cells["date"]:
        reference = None if document is None else dates.get(document)
        date = _date(sheet, row, "date", cells["date"], reference)
    parents = []
    for text in cells["relays"].split(_SEPARATOR):
        if text.strip():
            parent = sheet.reference(row, "relays", text.strip())
            if parent is not None:
                parents.append(parent)
    target = None
    if cells["retracts"]:
        target = sheet.reference(row, "retracts", cells["retracts"])
    stance = cells["stance"] or (
        "retracts" if cells["retracts"] else "asserts"
    )
    via = cells["via"] or ("relays" if parents else None)
    if not (source and claim):
        return
    statement_id = sheet.by_row[row]
    try:
        statement = Statement(
            id=statement_id,
            claim=claim,
            source=source,
            stance=stance,
            date=date,
            document=document,
            derives_from=parents,
            via=via,
            quote=cells["quote"] or None,
            modality=cells["modality"] or None,
            target=target,
        )
    except ClaimtrackError as e:
        field = getattr(e, "field", None) or "derives_from"
        column = _FIELD_COLUMNS["statement"].get(field)
        sheet.problem(row, column, str(e))
        return
    sheet.records.append(statement)
    sheet.rows[statement_id] = row


def _add_named(sheet: _Sheet, dates: Mapping[str, PartialDate]) -> None:
    for source_id, (name, row) in sheet.named["source"].items():
        sheet.records.append(Source(id=source_id, name=name))
        sheet.rows[source_id] = row
    for claim_id, (text, row) in sheet.named["claim"].items():
        sheet.records.append(Claim(id=claim_id, text=text))
        sheet.rows[claim_id] = row
    for document_id, (title, row) in sheet.named["document"].items():
        said = sheet.documents[document_id]
        publisher = said.get("publisher")
        url = said.get("url")
        sheet.records.append(
            Document(
                id=document_id,
                title=title,
                publisher=None if publisher is None else publisher[0],
                date=dates.get(document_id),
                url=None if url is None else url[0],
            )
        )
        sheet.rows[document_id] = row


def _finding(sheet: _Sheet, finding: Finding) -> TableProblem:
    record = finding.record
    row = None if record is None else sheet.rows.get(record)
    column = None
    if record is not None and finding.field is not None:
        kind = next(
            (kind for kind, named in sheet.named.items() if record in named),
            "statement",
        )
        field = re.split(r"[.\[]", finding.field, maxsplit=1)[0]
        column = _FIELD_COLUMNS[kind].get(field)
    return TableProblem(sheet.label, row, column, str(finding.error))


def _row_order(problem: TableProblem) -> tuple[int, int]:
    column = problem.column
    position = SHEET_COLUMNS.index(column) if column in SHEET_COLUMNS else -1
    return (problem.row or 0, position)
