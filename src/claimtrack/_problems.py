# SPDX-License-Identifier: MIT
"""The records errors carry: one problem, or one conflicting id, each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


__all__ = ["ClaimReviewProblem", "Conflict", "FormatProblem", "TableProblem"]


class FormatProblem(NamedTuple):
    """One problem found in a claimtrack JSON document."""

    path: str
    """Where it is, as a JSON path: ``$.statements[3].source``."""
    message: str
    """What is wrong there."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Conflict(NamedTuple):
    """One id that two claim sets use for different records."""

    id: str
    """The id in conflict."""
    differences: Mapping[str, tuple[object, object]]
    """For each differing field, the value here and the value there."""

    def __str__(self) -> str:
        fields = "; ".join(
            f"{name}: {ours!r} here, {theirs!r} there"
            for name, (ours, theirs) in self.differences.items()
        )
        return f"{self.id!r} ({fields})"


class ClaimReviewProblem(NamedTuple):
    """
    One property Google requires that an exported ClaimReview lacks.

    Google Search refuses ClaimReview markup without ``claimReviewed``,
    ``url``, ``author`` (with its ``name``) or ``reviewRating`` with its
    ``alternateName`` (the rating's label).
    """

    review: str
    """The id of the review in the claim set."""
    position: int
    """Where its ClaimReview is in the exported list: ``$[position]``."""
    property: str
    """The missing property, dotted: ``url``, ``reviewRating.alternateName``."""
    reason: str
    """What it is and how to supply it."""

    def __str__(self) -> str:
        return f"review {self.review!r}: no {self.property} ({self.reason})"


class TableProblem(NamedTuple):
    """One problem found in a CSV table or its descriptor."""

    file: str | None
    """The file's name (``statements.csv``), or None for the whole set."""
    row: int | None
    """The row as a spreadsheet numbers it (the header is row 1), if any."""
    column: str | None
    """The column's header, if the problem lies in one column."""
    message: str
    """What is wrong there."""

    def __str__(self) -> str:
        where = [
            part
            for part in (
                self.file,
                None if self.row is None else f"row {self.row}",
                None if self.column is None else f"column {self.column}",
            )
            if part is not None
        ]
        if not where:
            return self.message
        return f"{', '.join(where)}: {self.message}"
