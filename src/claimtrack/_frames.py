# SPDX-License-Identifier: MIT
"""pandas views of a claim set; pandas is imported only when they are made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from claimtrack._dates import DateLike, PartialDate, Precision
from claimtrack._table_schema import Column, columns_of, value_at
from claimtrack.exceptions import MissingExtraError
from claimtrack.serialization import RECORD_LISTS, to_document


if TYPE_CHECKING:
    import pandas as pd

    from claimtrack._claimset import ClaimSet


__all__ = ["dataframes", "pandas_for", "reports_frame"]


def pandas_for(feature: str) -> Any:
    """
    The pandas module, imported now.

    Raises:
        MissingExtraError: If pandas is not installed, naming *feature*.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None
    return pd


_DTYPES = {
    "text": "string",
    "integer": "Int64",
    "number": "Float64",
    "list": object,
    "date": object,
    "json": object,
}


def dataframes(claim_set: ClaimSet) -> dict[str, pd.DataFrame]:
    """One DataFrame per record kind; see `claimtrack.tables`."""
    pandas = pandas_for("to_dataframes")
    document = to_document(claim_set)
    frames = {}
    for key, cls in RECORD_LISTS:
        items = document.get(key, [])
        frames[key] = pandas.DataFrame(
            {
                column.name: pandas.Series(
                    _values(pandas, column, items),
                    dtype=_DTYPES[column.kind],
                    index=pandas.RangeIndex(len(items)),
                )
                for column in columns_of(cls)
            }
        )
    return frames


def _values(
    pandas: Any, column: Column, items: Sequence[Mapping[str, Any]]
) -> list[Any]:
    values = [value_at(column, item) for item in items]
    if column.kind == "list":
        return [() if value is None else tuple(value) for value in values]
    if column.kind == "date":
        return [
            None if value is None else _timestamp(pandas, value)
            for value in values
        ]
    return values


def _timestamp(pandas: Any, text: str) -> Any:
    """A full date as a Timestamp; a year or a month stays as text."""
    date = PartialDate.parse(text)
    if date.precision < Precision.DAY:
        return text
    try:
        return pandas.Timestamp(date.value)
    except (ValueError, OverflowError):  # beyond what pandas can hold
        return text


def reports_frame(
    claim_set: ClaimSet, as_of: DateLike | None = None
) -> pd.DataFrame:
    """One row per claim; see `claimtrack.tables.reports_frame`."""
    pandas = pandas_for("reports_frame")
    reports = claim_set.reports(as_of=as_of)
    columns: dict[str, tuple[Any, list[Any]]] = {
        "claim": ("string", [r.claim for r in reports]),
        "text": ("string", [claim_set.claim(r.claim).text for r in reports]),
        "status": ("string", [r.status.value for r in reports]),
        "corroborated": (bool, [r.corroborated for r in reports]),
        "contested": (bool, [r.contested for r in reports]),
        "asserting_groups": (
            "int64",
            [len(r.asserting_groups) for r in reports],
        ),
        "denying_groups": ("int64", [len(r.denying_groups) for r in reports]),
        "asserting_sources": (
            object,
            [_sources(r.asserting_groups) for r in reports],
        ),
        "denying_sources": (
            object,
            [_sources(r.denying_groups) for r in reports],
        ),
        "naive_source_count": (
            "int64",
            [r.naive_source_count for r in reports],
        ),
        "credibility": ("int64", [r.credibility for r in reports]),
        "suspicions": ("int64", [len(r.suspicions) for r in reports]),
        "asserting_groups_if_suspicions_hold": (
            "Int64",
            [
                None
                if r.groups_if_suspicions_hold is None
                else r.groups_if_suspicions_hold[0]
                for r in reports
            ],
        ),
    }
    index = pandas.RangeIndex(len(reports))
    frame: pd.DataFrame = pandas.DataFrame(
        {
            name: pandas.Series(values, dtype=dtype, index=index)
            for name, (dtype, values) in columns.items()
        }
    )
    return frame


def _sources(groups: Sequence[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(sorted(group.sources)) for group in groups)
