# SPDX-License-Identifier: MIT
"""
Spreadsheets and pandas: a claim set as CSV tables and as DataFrames.

A claim set is written as a folder of CSV files, one per record kind, with
a Frictionless Tabular Data Package descriptor (``datapackage.json``), and
read back exactly: ``from_csv(folder)`` gives a set whose `ClaimSet.to_json`
text is the original's. A one-sheet form, one row per statement, is what an
analyst fills in by hand; ``from_csv`` reads it too. pandas, an optional
extra (``pip install 'claimtrack[pandas]'``), is imported only by
`to_dataframes` and `reports_frame`.
"""

from __future__ import annotations

import errno
import os

from pathlib import Path
from typing import TYPE_CHECKING, Final

from claimtrack import _frames, _sheet
from claimtrack._csv_records import load_folder, write_folder
from claimtrack._dates import DateLike
from claimtrack._files import write_atomically
from claimtrack._sheet import name_id, read_sheet
from claimtrack._table_schema import DESCRIPTOR


if TYPE_CHECKING:
    import pandas as pd

    from claimtrack._claimset import ClaimSet


__all__ = [
    "SHEET_COLUMNS",
    "from_csv",
    "name_id",
    "reports_frame",
    "template_text",
    "to_csv",
    "to_dataframes",
    "write_template",
]

SHEET_COLUMNS: Final = _sheet.SHEET_COLUMNS
"""
The one-sheet form's columns, in the order `write_template` writes them.

Only ``source`` and ``claim`` must be present in a sheet that is read.
"""


def to_csv(claim_set: ClaimSet, directory: str | os.PathLike[str]) -> None:
    """
    Write *claim_set* as a folder of CSV tables.

    The folder (made if missing) gets ``sources.csv``, ``documents.csv``,
    ``claims.csv``, ``links.csv``, ``statements.csv`` and ``reviews.csv``,
    each UTF-8 with a header row and records sorted by id, and
    ``datapackage.json``, which describes every column and keeps the
    claim set's policy. Each file is written atomically; other files in
    the folder are left alone.
    """
    write_folder(claim_set, Path(directory))


def from_csv(path: str | os.PathLike[str]) -> ClaimSet:
    """
    Read a claim set from a CSV folder or a one-sheet form.

    A folder (or the path of its ``datapackage.json``) is read as
    `to_csv` writes it; a file is read as a one-sheet form. Reading is
    strict and all or nothing, like `ClaimSet.from_json`.

    Raises:
        TableError: With every problem found, each naming its file, row
            and column.
        FileNotFoundError: If *path* names nothing.
    """
    target = Path(path)
    if target.is_dir():
        return load_folder(target)
    if target.name == DESCRIPTOR and target.is_file():
        return load_folder(target.parent)
    if target.is_file():
        return read_sheet(target)
    raise FileNotFoundError(
        errno.ENOENT, "no such folder or file", os.fspath(path)
    )


def template_text(*, example: bool = False) -> str:
    """
    The one-sheet form as CSV text: its header row, nothing else.

    With *example*, two filled rows follow: a communiqué, and an article
    relaying it.
    """
    return _sheet.template_text(example=example)


def write_template(
    path: str | os.PathLike[str], *, example: bool = False
) -> None:
    """Write the one-sheet form (`template_text`) to *path*, atomically."""
    write_atomically(path, (template_text(example=example),))


def to_dataframes(claim_set: ClaimSet) -> dict[str, pd.DataFrame]:
    """
    The claim set as pandas DataFrames, one per record kind.

    The keys and columns are those of `to_csv`'s tables, rows sorted by
    id. Text columns have the ``string`` dtype, numbers ``Int64`` or
    ``Float64`` (missing values are ``pd.NA``); list columns hold tuples
    (empty when none); date columns hold a `pandas.Timestamp` for a full
    date or time, the text for a year or a month (``"2025-06"``), and
    None when there is no date.

    Raises:
        MissingExtraError: If pandas is not installed.
    """
    return _frames.dataframes(claim_set)


def reports_frame(
    claim_set: ClaimSet, as_of: DateLike | None = None
) -> pd.DataFrame:
    """
    Every claim's corroboration, one row per claim, in `ClaimSet.reports` order.

    Columns: ``claim`` (its id), ``text``, ``status`` (an
    `EvidenceStatus` value), ``corroborated`` and ``contested``
    (booleans), ``asserting_groups`` and ``denying_groups`` (how many
    independent groups), ``asserting_sources`` and ``denying_sources``
    (each group's source ids, as tuples), ``naive_source_count``,
    ``credibility`` (the Admiralty number), ``suspicions`` (how many
    hold) and ``asserting_groups_if_suspicions_hold`` (``pd.NA`` when
    none holds).

    Raises:
        MissingExtraError: If pandas is not installed.
        InvalidValueError: If *as_of* is not a date.
    """
    return _frames.reports_frame(claim_set, as_of)
