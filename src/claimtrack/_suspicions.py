# SPDX-License-Identifier: MIT
"""Suspicions: dependence nobody declared, found in what is recorded."""

from __future__ import annotations

import enum

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._dates import PartialDate, compare_dates, first_day
from claimtrack._display import html_of
from claimtrack._field_checks import enum_converter
from claimtrack.exceptions import InvalidValueError


if TYPE_CHECKING:
    pass


__all__ = [
    "AFFECTED",
    "THRESHOLDS",
    "Suspicion",
    "SuspicionKind",
    "clipped",
    "date_order",
    "iso_date",
    "order_of",
    "sort_date",
    "strongest_first",
    "to_kind",
]


class SuspicionKind(enum.StrEnum):
    """What a suspicion suspects."""

    REUSED_TEXT = "reused_text"
    """A document's text repeats a passage of another document's."""
    SHARED_QUOTE = "shared_quote"
    """Statements by different sources carry one verbatim quote."""
    WIRE_CREDIT = "wire_credit"
    """A document credits a wire or press office its statements omit."""
    COPYING_SOURCE = "copying_source"
    """Two sources share many claims, above all false ones (Dong et al.)."""
    SAME_CLAIM = "same_claim"
    """Two claims say the same thing in different words."""


_KIND_CONVERTERS = {
    field: enum_converter(SuspicionKind, field) for field in ("kind", "kinds")
}


def to_kind(value: SuspicionKind | str, field: str = "kind") -> SuspicionKind:
    """
    The `SuspicionKind` named by *value*.

    Raises:
        InvalidValueError: Naming *field* (``kind`` or ``kinds``), if
            *value* names no kind.
    """
    return _KIND_CONVERTERS[field](value)


def _records(value: object) -> tuple[str, ...]:
    records = tuple(value) if isinstance(value, tuple | list) else ()
    if not 1 <= len(records) <= 2 or not all(
        type(r) is str and r for r in records
    ):
        raise InvalidValueError(
            "records", value, "expected one or two record ids"
        )
    return records


THRESHOLDS: Mapping[SuspicionKind, float] = {
    SuspicionKind.REUSED_TEXT: 0.25,
    SuspicionKind.SHARED_QUOTE: 0.5,
    SuspicionKind.WIRE_CREDIT: 0.6,
    SuspicionKind.COPYING_SOURCE: 0.6,
    SuspicionKind.SAME_CLAIM: 0.6,
}
"""
The score at or above which a suspicion of each kind holds by default.

Calibrated on the labelled test set described on the discovery page.
"""


@attrs.frozen
class Suspicion:
    """
    A dependence the records suggest but nobody declared.

    Computed by `ClaimSet.suspicions`, never recorded by itself: accept it
    (`ClaimSet.accept`) to declare what it implies, or reject it
    (`ClaimSet.reject`) so that it is not raised again.

    Attributes:
        kind: What it suspects.
        records: The ids of the records it joins: earlier first and later
            second when *ordered*, else in id order. A wire credit joins a
            document and the credited source (only the document when no
            source of that name is recorded).
        ordered: Whether dates tell which record came first.
        score: How strongly the records suggest it, from 0 to 1.
        threshold: The score at or above which it holds by default.
        evidence: What suggests it, in words.
        data: The same evidence as data (shared passage, quote, credit
            line, shared claims, dates), JSON-ready.
    """

    kind: SuspicionKind = attrs.field(converter=to_kind)
    records: tuple[str, ...] = attrs.field(converter=_records)
    ordered: bool
    score: float
    threshold: float
    evidence: str
    data: Mapping[str, Any] = attrs.field(
        factory=dict, eq=False, hash=False, repr=False
    )

    @property
    def holds(self) -> bool:
        """Whether its score reaches its threshold."""
        return self.score >= self.threshold

    def describe(self) -> str:
        """One line: the kind, the records, the score and the evidence."""
        joined = " and ".join(self.records)
        return (
            f"{self.kind.value} ({self.score:.2f}): {joined}: {self.evidence}"
        )

    def _repr_html_(self) -> str:
        """What a notebook shows: kind, score, records and evidence."""
        return html_of(self)

    def to_json(self) -> dict[str, Any]:
        """The suspicion as a JSON-ready dict."""
        return {
            "kind": self.kind.value,
            "records": list(self.records),
            "ordered": self.ordered,
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "holds": self.holds,
            "evidence": self.evidence,
            "data": dict(self.data),
        }


def strongest_first(
    suspicion: Suspicion,
) -> tuple[float, str, tuple[str, ...]]:
    """Sort key: highest score first, then by kind and records."""
    return (-suspicion.score, suspicion.kind.value, suspicion.records)


AFFECTED: Mapping[str, frozenset[SuspicionKind]] = {
    "source": frozenset({SuspicionKind.WIRE_CREDIT}),
    "document": frozenset(
        {SuspicionKind.REUSED_TEXT, SuspicionKind.WIRE_CREDIT}
    ),
    "claim": frozenset({SuspicionKind.SAME_CLAIM}),
    "statement": frozenset(
        {
            SuspicionKind.SHARED_QUOTE,
            SuspicionKind.WIRE_CREDIT,
            SuspicionKind.COPYING_SOURCE,
        }
    ),
    "review": frozenset({SuspicionKind.COPYING_SOURCE}),
    "link": frozenset(SuspicionKind),
}
"""
The kinds a new record of each kind may change: the others keep what
they found. Links touch every kind (``same_as`` merges sources and
claims, and judgements silence suspicions).
"""


# -- ordering by date -----------------------------------------------------


def order_of(
    a: str, date_a: PartialDate | None, b: str, date_b: PartialDate | None
) -> tuple[tuple[str, str], bool]:
    """(earlier, later) and True when the dates tell; else id order."""
    if date_a is not None and date_b is not None:
        compared = compare_dates(date_a, date_b)
        if compared == -1:
            return (a, b), True
        if compared == 1:
            return (b, a), True
    return ((a, b) if a < b else (b, a)), False


def sort_date(date: PartialDate | None) -> str:
    return "~" if date is None else first_day(date).isoformat()


def date_order(date: PartialDate | None) -> tuple[str, int, str]:
    """Earliest first; of dates starting alike, the most precise."""
    if date is None:
        return (sort_date(date), 0, "")
    return (sort_date(date), -date.precision.value, date.isoformat())


def iso_date(date: PartialDate | None) -> str | None:
    return None if date is None else date.isoformat()


def clipped(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
