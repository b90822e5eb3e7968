# SPDX-License-Identifier: MIT
"""Dates that keep their precision; the only module that imports dateutil."""

from __future__ import annotations

import datetime as dt
import enum
import re

from collections.abc import Callable
from typing import Literal

import attrs

from dateutil import parser as du_parser
from dateutil.relativedelta import (
    FR,
    MO,
    SA,
    SU,
    TH,
    TU,
    WE,
    relativedelta,
    weekday,
)

from claimtrack.exceptions import InvalidValueError


__all__ = [
    "DateLike",
    "PartialDate",
    "Precision",
    "before",
    "compare_dates",
    "first_day",
    "is_later",
    "known_date",
    "last_day",
    "not_after",
    "parse_written",
]


class Precision(enum.IntEnum):
    """How much of a `PartialDate` is known, from coarsest to finest."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    TIME = 4


@attrs.frozen(slots=True, eq=False)
class PartialDate:
    """
    A calendar date or instant known to a given precision.

    ``PartialDate.parse("2025-06")`` is June 2025, no day; it stays
    ``"2025-06"`` when written back. Times keep their zone (or lack of
    one). Use `compare_dates` to order two dates: when one is coarser
    than the other and they agree as far as the coarser goes (June 2025
    against 4 June 2025), the order cannot be decided.

    Attributes:
        value: The date (day precision or coarser; unknown parts are 1)
            or the datetime (time precision).
        precision: How much of *value* is known.
    """

    value: dt.date
    precision: Precision

    @classmethod
    def parse(
        cls, text: DateLike, *, reference: DateLike | None = None
    ) -> PartialDate:
        """
        Read a date from ISO 8601 text, a `datetime.date` or a datetime.

        Accepts ``"2025"``, ``"2025-06"``, ``"2025-06-04"``,
        ``"2025-06-04T10:30:00+01:00"`` and, when *reference* is given,
        the relative words ``"today"``, ``"yesterday"`` and weekday
        names (``"Wednesday"``, ``"on Wednesday"``, ``"last Wednesday"``),
        which resolve to the latest such day on or before *reference*.

        Nothing is rounded or moved: more than six decimals of a second,
        hour 24, an offset of 24 hours or more, or one in seconds, are
        refused rather than changed.

        Raises:
            InvalidValueError: If *text* cannot be read, or is relative
                and no *reference* is given.
        """
        if isinstance(text, PartialDate):
            return text
        if isinstance(text, dt.datetime):
            _check_datetime(text)
            return cls(text, Precision.TIME)
        if isinstance(text, dt.date):
            return cls(text, Precision.DAY)
        if not isinstance(text, str):
            raise InvalidValueError(
                "date", text, "expected an ISO 8601 string or a date"
            )
        # Only plain text is remembered: a subclass of str may hash and
        # compare as some other text, and so read or leave a wrong date.
        plain = type(text) is str
        cached = _PARSED.get(text) if plain else None
        if cached is not None:
            return cached
        parsed = _parse_absolute(text)
        if parsed is not None:
            if plain and len(_PARSED) < _CACHE_LIMIT:
                _PARSED[text] = parsed
            return parsed
        return _parse_relative(text, reference)

    def isoformat(self) -> str:
        """Write the date back as ISO 8601 text of its own precision."""
        value = self.value
        if self.precision is Precision.YEAR:
            return f"{value.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{value.year:04d}-{value.month:02d}"
        return value.isoformat()

    def __str__(self) -> str:
        return self.isoformat()

    def __eq__(self, other: object) -> bool:
        # Two times at one instant in different zones are different
        # records: equality is by what is written, not by the instant.
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (
            self.precision == other.precision
            and self.isoformat() == other.isoformat()
        )

    def __hash__(self) -> int:
        return hash((self.precision, self.isoformat()))

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def _key(self, precision: Precision) -> tuple[int, ...]:
        value = self.value
        if precision is Precision.YEAR:
            return (value.year,)
        if precision is Precision.MONTH:
            return (value.year, value.month)
        return (value.year, value.month, value.day)


DateLike = str | dt.date | PartialDate
"""What claimtrack accepts wherever it takes a date."""

_CACHE_LIMIT = 100_000
_PARSED: dict[str, PartialDate] = {}

known_date: Callable[[str], PartialDate | None] = _PARSED.get
"""
The date a text was read as already, if it was; else None.

A text met before is looked up without a call to `PartialDate.parse`:
the date it gives is the one ``PartialDate.parse`` gives, with or
without a reference (a text is kept only when it is an absolute date).
"""

# ASCII digits only: "٢٠٢٥" is not read as 2025.
_YEAR = re.compile(r"\d{4}", re.ASCII)
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME_START = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}", re.ASCII)
_LONG_FRACTION = re.compile(r"[.,]\d{7}", re.ASCII)
_HOUR_24 = re.compile(r"\d{4}-\d{2}-\d{2}[T ]24", re.ASCII)

WRITTEN_DATE = (
    "^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2}(?:[T ][0-9]{2}(?::[0-9]{2}"
    "(?::[0-9]{2}(?:\\.[0-9]{1,6})?)?)?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
    ")?)?)?$"
)
"""
The dates a claimtrack document may hold, as a regular expression.

The JSON Schema's ``date`` pattern is this one, character for character.
"""

_WRITTEN = re.compile(WRITTEN_DATE)

_WEEKDAYS: dict[str, weekday] = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_RELATIVE = re.compile(
    r"(?:on\s+|last\s+)?(?P<word>[a-z]+)", re.IGNORECASE | re.ASCII
)


def _invalid(text: str, reason: str) -> InvalidValueError:
    return InvalidValueError("date", text, reason)


def _check_datetime(value: dt.datetime) -> None:
    """Refuse a datetime that cannot be written and read back as it is."""
    try:
        offset = value.utcoffset()
        _utc(value)
    except (OverflowError, ValueError, TypeError) as e:
        # An offset of 24 hours or more, or one past the ends of time.
        raise InvalidValueError(
            "date", value, f"has no instant in UTC ({e})"
        ) from None
    if offset is not None and offset % dt.timedelta(minutes=1):
        raise InvalidValueError(
            "date",
            value,
            "its UTC offset is not a whole number of minutes, which "
            "ISO 8601 text cannot hold",
        )


def parse_written(text: str) -> PartialDate:
    """
    Read a date as a claimtrack document must hold it, and nothing else.

    Unlike `PartialDate.parse`, no spaces around it, no relative words,
    no decimal comma: the form of `WRITTEN_DATE`.

    Raises:
        InvalidValueError: If *text* is not of that form, or not a date.
    """
    if not _WRITTEN.fullmatch(text):
        if text != text.strip():
            reason = "spaces around a date are not allowed here"
        elif _LONG_FRACTION.search(text):
            reason = _TOO_FINE
        else:
            # Not a date at all: the usual message says what is wanted.
            PartialDate.parse(text)
            reason = (
                "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss"
                " (minutes, seconds and up to 6 decimals of a second "
                "optional; a decimal point, not a comma) with an optional "
                "zone (Z, +hh, +hhmm or +hh:mm)"
            )
        raise _invalid(text, reason)
    return PartialDate.parse(text)


_TOO_FINE = (
    "more than 6 decimals of a second: claimtrack keeps microseconds "
    "and will not round"
)


def _parse_absolute(text: str) -> PartialDate | None:
    """Parse ISO 8601 text; None when it is not ISO 8601 at all."""
    stripped = text.strip()
    if _TIME_START.match(stripped):
        # Refused rather than changed: dateutil would round the one and
        # move the other to the next day.
        if _LONG_FRACTION.search(stripped):
            raise _invalid(text, _TOO_FINE)
        if _HOUR_24.match(stripped):
            raise _invalid(
                text, "hour 24 is 00:00 of the next day: write that"
            )
    try:
        if _YEAR.fullmatch(stripped):
            year = int(stripped)
            return PartialDate(dt.date(year, 1, 1), Precision.YEAR)
        if match := _YEAR_MONTH.fullmatch(stripped):
            year, month = int(match[1]), int(match[2])
            return PartialDate(dt.date(year, month, 1), Precision.MONTH)
        if _DAY.fullmatch(stripped):
            return PartialDate(dt.date.fromisoformat(stripped), Precision.DAY)
        if _TIME_START.match(stripped):
            value = du_parser.isoparse(stripped.replace(" ", "T", 1))
            _check_datetime(value)  # one with no UTC instant is refused
            return PartialDate(value, Precision.TIME)
    except (ValueError, OverflowError) as e:
        raise _invalid(text, f"not a valid ISO 8601 date ({e})") from None
    return None


def _parse_relative(text: str, reference: DateLike | None) -> PartialDate:
    match = _RELATIVE.fullmatch(text.strip())
    word = match["word"].lower() if match else ""
    if word not in (*_WEEKDAYS, "today", "yesterday"):
        raise _invalid(
            text,
            "expected ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or a datetime) "
            "or a relative day such as 'Wednesday'",
        )
    if reference is None:
        raise _invalid(
            text,
            "a relative date needs a reference date to resolve against "
            "(give the date of the document it appears in)",
        )
    ref = PartialDate.parse(reference)
    if ref.precision < Precision.DAY:
        raise _invalid(
            text,
            f"cannot resolve against {ref.isoformat()!r}, which has no day",
        )
    day = ref.value
    if isinstance(day, dt.datetime):
        day = day.date()
    try:
        if word == "today":
            resolved = day
        elif word == "yesterday":
            resolved = day - dt.timedelta(days=1)
        else:
            resolved = day + relativedelta(weekday=_WEEKDAYS[word](-1))
    except (OverflowError, ValueError):
        raise _invalid(
            text, f"resolves to a day before year 1 from {ref}"
        ) from None
    return PartialDate(resolved, Precision.DAY)


def _utc(value: dt.date) -> dt.datetime:
    assert isinstance(value, dt.datetime)
    if value.tzinfo is None:
        # A time without a zone is read as UTC, the only zone-free
        # reading that makes every pair of instants comparable.
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def compare_dates(a: PartialDate, b: PartialDate) -> Literal[-1, 0, 1] | None:
    """
    Order two dates: -1 if *a* is earlier, 0 if equal, 1 if later.

    Dates of different precision are compared as far as the coarser one
    goes; if they agree that far, the answer is None: undecidable. Two
    times are compared as instants (a time without a zone counts as
    UTC). A time against a date uses the calendar day written in the time.
    """
    if a.precision is Precision.TIME and b.precision is Precision.TIME:
        left, right = _utc(a.value), _utc(b.value)
        return -1 if left < right else (1 if left > right else 0)
    coarser = min(a.precision, b.precision, Precision.DAY)
    key_a, key_b = a._key(coarser), b._key(coarser)  # noqa: SLF001
    if key_a != key_b:
        return -1 if key_a < key_b else 1
    if a.precision == b.precision:
        return 0
    return None


def is_later(a: PartialDate | None, b: PartialDate | None) -> bool:
    """
    Whether *a* is certainly later than *b*.

    A missing date, or an order that cannot be decided, is "not later":
    claimtrack never reports a temporal error it cannot prove.
    """
    return a is not None and b is not None and compare_dates(a, b) == 1


def first_day(date: PartialDate) -> dt.date:
    """The first calendar day *date* may stand for (a time: its own day)."""
    value = date.value
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def last_day(date: PartialDate) -> dt.date:
    """The last calendar day *date* may stand for (a time: its own day)."""
    value = date.value
    if isinstance(value, dt.datetime):
        return value.date()
    if date.precision is Precision.YEAR:
        return dt.date(value.year, 12, 31)
    if date.precision is Precision.MONTH:
        if value.month == 12:
            return dt.date(value.year, 12, 31)
        return dt.date(value.year, value.month + 1, 1) - dt.timedelta(days=1)
    return value


def not_after(a: PartialDate, b: PartialDate, *, certain: bool) -> bool:
    """
    Whether *a* is on or before *b*: certainly, or possibly.

    Where `compare_dates` decides, its answer stands (``"2023"`` is on or
    before ``"2023"``). Where it cannot, days are the atoms: ``"2020"`` is
    certainly on or before ``"2020-12-31"``, and possibly on or before
    ``"2020-06-01"``.
    """
    order = compare_dates(a, b)
    if order is not None:
        return order <= 0
    return last_day(a) <= first_day(b) if certain else True


def before(a: PartialDate, b: PartialDate, *, certain: bool) -> bool:
    """Whether *a* is before *b*: certainly, or possibly (as `not_after`)."""
    order = compare_dates(a, b)
    if order is not None:
        return order < 0
    if certain:
        return last_day(a) < first_day(b)
    return first_day(a) < last_day(b)


def optional_date(
    value: DateLike | None, reference: DateLike | None = None
) -> PartialDate | None:
    """*value* read as a date (against *reference*), or None if absent."""
    if value is None:
        return None
    return PartialDate.parse(value, reference=reference)
