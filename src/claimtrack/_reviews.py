# SPDX-License-Identifier: MIT
"""Reviews: a fact-checker's published verdict on a claim, with its rating."""

from __future__ import annotations

import enum
import math
import sys

from collections.abc import Iterable
from typing import Any

import attrs

from claimtrack._dates import PartialDate, optional_date
from claimtrack._field_checks import (
    check_id,
    check_optional_text,
    enum_converter,
    text_tuple,
)
from claimtrack._verdicts import Verdict, verdict_of
from claimtrack.exceptions import InvalidValueError


__all__ = ["Evidence", "EvidenceRole", "Rating", "Review"]


class EvidenceRole(enum.StrEnum):
    """What a piece of evidence does to the claim a review is about."""

    SUPPORTS = "supports"
    """It bears the claim out."""
    REFUTES = "refutes"
    """It goes against the claim."""


_LARGEST = int(sys.float_info.max)

_to_role = enum_converter(EvidenceRole, "role")
_to_verdict = enum_converter(Verdict, "verdict")


def _role(value: EvidenceRole | str) -> EvidenceRole:
    return _to_role(value)


def _verdict(value: Verdict | str) -> Verdict:
    return _to_verdict(value)


def _number(value: float | None) -> float | None:
    """A finite number; a float with no fractional part becomes an int."""
    if value is None:
        return None
    if type(value) is int:
        if abs(value) > _LARGEST:
            # Written as it is, it could not be read back by most JSON
            # readers (nor by Python past 4,300 digits).
            raise InvalidValueError(
                "rating",
                f"<an integer of {value.bit_length()} bits>",
                "too large: a rating number must fit in a float",
            )
        return value
    if type(value) is not float or not math.isfinite(value):
        raise InvalidValueError(
            "rating", value, "expected a finite number (or nothing)"
        )
    return int(value) if value.is_integer() else value


@attrs.frozen(kw_only=True, slots=True)
class Evidence:
    """
    A statement or document a review relied on, and which way it points.

    Attributes:
        record: The id of a statement or document.
        role: Whether it supports or refutes the reviewed claim (the
            claim, not the review's verdict).
    """

    record: str = attrs.field(validator=check_id)
    role: EvidenceRole = attrs.field(converter=_role)


def _evidence(values: Iterable[Any]) -> tuple[Evidence, ...]:
    """Evidence records, or ``(record, role)`` pairs, as a tuple."""
    if isinstance(values, (str, bytes, Evidence)):
        raise InvalidValueError(
            "evidence", values, "expected a list of evidence"
        )
    try:
        items = tuple(values)
    except TypeError:
        raise InvalidValueError(
            "evidence", values, "expected a list of evidence"
        ) from None
    result = []
    for item in items:
        if isinstance(item, Evidence):
            result.append(item)
        elif isinstance(item, tuple) and len(item) == 2:
            record, role = item
            result.append(Evidence(record=record, role=role))
        else:
            raise InvalidValueError(
                "evidence",
                item,
                "expected an Evidence or a (record id, role) pair",
            )
    return tuple(result)


def _default_verdict(rating: Rating) -> Verdict:
    # Defaults are made before validators run: a label that is no string
    # is refused by its validator just after.
    label = rating.label
    return verdict_of(
        label if isinstance(label, str) else None,
        value=rating.value,
        best=rating.best,
        worst=rating.worst,
    )


@attrs.frozen(kw_only=True, slots=True)
class Rating:
    """
    A reviewer's rating: its own label and scale, and a normalised verdict.

    The label is kept exactly as published ("Mostly false", "Engañoso",
    "Falso"); the numbers are kept as given, even when a publisher's
    scale is odd. Unless given, the verdict is worked out from them when
    the rating is made (see `verdict_of`), and kept: extending the label
    table later does not change ratings already made.

    Attributes:
        label: The reviewer's label.
        value: The numeric rating, if any.
        best: The best value of its scale, if given.
        worst: The worst value of its scale, if given.
        verdict: The normalised `Verdict`.
    """

    label: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    value: float | None = attrs.field(default=None, converter=_number)
    best: float | None = attrs.field(default=None, converter=_number)
    worst: float | None = attrs.field(default=None, converter=_number)
    verdict: Verdict = attrs.field(
        default=attrs.Factory(_default_verdict, takes_self=True),
        converter=_verdict,
    )

    def __attrs_post_init__(self) -> None:
        if self.label is None and self.value is None:
            raise InvalidValueError(
                "rating", None, "a rating needs a label or a value"
            )

    def describe(self) -> str:
        """The rating in words: ``'False' (1 on a scale of 1 to 5)``."""
        parts = []
        if self.label is not None:
            parts.append(repr(self.label))
        if self.value is not None:
            scale = ""
            if self.best is not None and self.worst is not None:
                scale = f" on a scale of {self.worst} to {self.best}"
            elif self.best is not None:
                scale = f" out of {self.best}"
            number = f"{self.value}{scale}"
            parts.append(f"({number})" if parts else number)
        return " ".join(parts)


def _rating(value: Rating | str) -> Rating:
    if isinstance(value, Rating):
        return value
    if type(value) is str:
        return Rating(label=value)
    raise InvalidValueError(
        "rating", value, "expected a Rating or a label string"
    )


@attrs.frozen(kw_only=True, slots=True)
class Review:
    """
    A fact-check: a reviewer's published rating of a claim.

    A review is reported beside a claim's corroboration and never changes
    it: claimtrack counts independent origins, and a fact-checker's verdict
    is a separate axis, as a source's reliability letter is.

    Attributes:
        id: Unique id in its claim set.
        claim: The id of the claim reviewed.
        reviewer: The id of the source that published the review (the
            fact-checking organisation).
        rating: The reviewer's `Rating`.
        date: When the review was published, if known.
        url: Where the review can be read.
        title: Its headline.
        summary: A short summary of its findings.
        evidence: The statements and documents it relied on, each marked
            as supporting or refuting the claim.
        reviewed: The ids of the statements it checks: who made the claim,
            when and where (ClaimReview's ``itemReviewed``). Each must be
            about the reviewed claim itself.
    """

    id: str = attrs.field(validator=check_id)
    claim: str = attrs.field(validator=check_id)
    reviewer: str = attrs.field(validator=check_id)
    rating: Rating = attrs.field(converter=_rating)
    date: PartialDate | None = attrs.field(
        default=None, converter=optional_date
    )
    url: str | None = attrs.field(default=None, validator=check_optional_text)
    title: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    summary: str | None = attrs.field(
        default=None, validator=check_optional_text
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_evidence
    )
    reviewed: tuple[str, ...] = attrs.field(default=(), converter=text_tuple)

    def __attrs_post_init__(self) -> None:
        cited = [item.record for item in self.evidence]
        if len(set(cited)) != len(cited):
            raise InvalidValueError(
                "evidence",
                cited,
                f"review {self.id!r} lists a record as evidence twice",
            )
        if len(set(self.reviewed)) != len(self.reviewed):
            raise InvalidValueError(
                "reviewed",
                list(self.reviewed),
                f"review {self.id!r} lists a statement twice",
            )
