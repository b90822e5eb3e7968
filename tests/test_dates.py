# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._dates`."""

from __future__ import annotations

import datetime as dt

import pytest

import claimtrack as ct

from claimtrack._dates import WRITTEN_DATE


def parse(
    text: ct.DateLike, reference: ct.DateLike | None = None
) -> ct.PartialDate:
    """Parse *text* with `PartialDate.parse`, against *reference* if given."""
    return ct.PartialDate.parse(text, reference=reference)


class TestParse:
    @pytest.mark.parametrize(
        ("text", "precision", "value"),
        [
            ("2025", ct.Precision.YEAR, dt.date(2025, 1, 1)),
            ("2025-06", ct.Precision.MONTH, dt.date(2025, 6, 1)),
            ("2025-06-04", ct.Precision.DAY, dt.date(2025, 6, 4)),
            ("1999-12-31", ct.Precision.DAY, dt.date(1999, 12, 31)),
        ],
    )
    def test_reads_iso_dates_to_their_precision(
        self, text: str, precision: ct.Precision, value: dt.date
    ) -> None:
        """ISO 8601 text of a year, month or day keeps that precision."""
        date = parse(text)
        assert date.precision is precision
        assert date.value == value
        assert type(date.value) is dt.date

    def test_reads_a_datetime_with_a_zone(self) -> None:
        """A datetime with an offset keeps its time and its zone."""
        date = parse("2025-06-04T10:30:00+01:00")
        assert date.precision is ct.Precision.TIME
        assert date.value == dt.datetime(
            2025, 6, 4, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
        )
        assert date.value.utcoffset() == dt.timedelta(hours=1)

    def test_reads_a_datetime_without_a_zone(self) -> None:
        """A datetime without an offset stays naive."""
        date = parse("2025-06-04T10:30:00")
        assert date.precision is ct.Precision.TIME
        assert isinstance(date.value, dt.datetime)
        assert date.value.tzinfo is None
        assert (date.value.hour, date.value.minute) == (10, 30)

    def test_reads_a_datetime_with_a_space_separator(self) -> None:
        """A space may stand for the ``T`` between date and time."""
        assert parse("2025-06-04 10:30:00") == parse("2025-06-04T10:30:00")

    def test_ignores_surrounding_whitespace(self) -> None:
        """Leading and trailing spaces around ISO text are ignored."""
        assert parse("  2025-06 ") == parse("2025-06")

    def test_reads_a_date_object_as_a_day(self) -> None:
        """A `datetime.date` is a date of day precision."""
        date = parse(dt.date(2025, 6, 4))
        assert date.precision is ct.Precision.DAY
        assert date == parse("2025-06-04")

    def test_reads_a_datetime_object_as_a_time(self) -> None:
        """A `datetime.datetime` is a date of time precision, zone kept."""
        moment = dt.datetime(2025, 6, 4, 10, 30, tzinfo=dt.UTC)
        date = parse(moment)
        assert date.precision is ct.Precision.TIME
        assert date.value == moment
        assert date.isoformat() == "2025-06-04T10:30:00+00:00"

    def test_returns_a_partial_date_unchanged(self) -> None:
        """Parsing a `PartialDate` gives back that very object."""
        date = parse("2025-06")
        assert parse(date) is date

    def test_ignores_the_reference_for_absolute_text(self) -> None:
        """An absolute date does not move with the reference."""
        assert parse("2025-01-02", "2025-06-04") == parse("2025-01-02")


class TestIsoformat:
    @pytest.mark.parametrize(
        "text",
        [
            "2025",
            "2025-06",
            "2025-06-04",
            "0987-03",
            "2025-06-04T10:30:00+01:00",
            "2025-06-04T10:30:00-05:00",
            "2025-06-04T10:30:00",
            "2025-06-04T10:30:00.250000+02:00",
        ],
    )
    def test_writes_back_what_was_read(self, text: str) -> None:
        """`isoformat` and `str` give back the text with its precision."""
        date = parse(text)
        assert date.isoformat() == text
        assert str(date) == text

    def test_repr_shows_the_iso_text(self) -> None:
        """The repr names the class and the written date."""
        assert repr(parse("2025-06")) == "PartialDate('2025-06')"

    def test_year_is_not_padded_out_to_a_day(self) -> None:
        """A year does not become 1 January when written back."""
        assert parse("2025").isoformat() != "2025-01-01"


class TestEquality:
    def test_same_text_is_equal(self) -> None:
        """Two dates written alike are equal and hash alike."""
        assert parse("2025-06") == parse("2025-06")
        assert hash(parse("2025-06")) == hash(parse("2025-06"))

    def test_precision_matters(self) -> None:
        """A year is not its own first day, nor a month its first day."""
        assert parse("2025") != parse("2025-01-01")
        assert parse("2025-06") != parse("2025-06-01")
        assert parse("2025") != parse("2025-01")

    def test_a_day_is_not_its_midnight(self) -> None:
        """A date and the time at its midnight are different values."""
        assert parse("2025-06-04") != parse("2025-06-04T00:00:00")

    def test_one_instant_in_two_zones_is_not_equal(self) -> None:
        """Equality is by what is written, not by the instant."""
        east = parse("2025-06-04T10:30:00+01:00")
        utc = parse("2025-06-04T09:30:00+00:00")
        assert east != utc
        assert ct.compare_dates(east, utc) == 0

    def test_is_not_equal_to_strings(self) -> None:
        """A date does not compare equal to its own text."""
        assert parse("2025") != "2025"

    def test_usable_as_set_members(self) -> None:
        """Equal dates collapse in a set; different precisions do not."""
        dates = {parse("2025"), parse("2025"), parse("2025-01")}
        assert len(dates) == 2


class TestRelative:
    # 2025-06-04 is a Wednesday.

    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            ("Wednesday", "2025-06-05", "2025-06-04"),
            ("on Wednesday", "2025-06-05", "2025-06-04"),
            ("last Wednesday", "2025-06-05", "2025-06-04"),
            ("wednesday", "2025-06-10", "2025-06-04"),
            ("ON  WEDNESDAY", "2025-06-10", "2025-06-04"),
            ("Thursday", "2025-06-04", "2025-05-29"),
            ("Sunday", "2025-06-04", "2025-06-01"),
            ("Monday", "2025-06-04", "2025-06-02"),
            ("Tuesday", "2025-06-04", "2025-06-03"),
            ("Friday", "2025-06-04", "2025-05-30"),
            ("Saturday", "2025-06-04", "2025-05-31"),
            ("today", "2025-06-04", "2025-06-04"),
            ("Today", "2025-03-01", "2025-03-01"),
            ("yesterday", "2025-06-04", "2025-06-03"),
            ("yesterday", "2025-03-01", "2025-02-28"),
            ("yesterday", "2024-03-01", "2024-02-29"),
            ("yesterday", "2025-01-01", "2024-12-31"),
        ],
    )
    def test_resolves_to_latest_such_day_on_or_before_reference(
        self, text: str, reference: str, expected: str
    ) -> None:
        """A relative day is the latest such day on or before the reference."""
        date = parse(text, reference)
        assert date == parse(expected)
        assert date.precision is ct.Precision.DAY

    @pytest.mark.parametrize(
        "text", ["Wednesday", "on Wednesday", "last Wednesday"]
    )
    def test_weekday_of_reference_is_the_reference(self, text: str) -> None:
        """On a Wednesday, "Wednesday" (even "last") is that same day."""
        assert parse(text, "2025-06-04") == parse("2025-06-04")

    def test_reference_may_be_a_date_object(self) -> None:
        """A `datetime.date` serves as reference."""
        assert parse("Wednesday", dt.date(2025, 6, 5)) == parse("2025-06-04")

    def test_reference_may_be_a_partial_date(self) -> None:
        """A `PartialDate` of day precision serves as reference."""
        reference = parse("2025-06-05")
        assert parse("yesterday", reference) == parse("2025-06-04")

    def test_reference_time_uses_its_written_day(self) -> None:
        """A reference time resolves against the calendar day written."""
        reference = "2025-06-05T23:30:00-05:00"
        assert parse("today", reference) == parse("2025-06-05")
        assert parse("Wednesday", reference) == parse("2025-06-04")

    @pytest.mark.parametrize(
        "text", ["Wednesday", "on Wednesday", "today", "yesterday"]
    )
    def test_without_reference_raises(self, text: str) -> None:
        """A relative day with no reference cannot be resolved."""
        with pytest.raises(ct.InvalidValueError, match="reference") as info:
            parse(text)
        assert info.value.field == "date"
        assert info.value.value == text

    @pytest.mark.parametrize("reference", ["2025", "2025-06"])
    def test_reference_without_a_day_raises(self, reference: str) -> None:
        """A year or month reference gives no day to count back from."""
        with pytest.raises(ct.InvalidValueError, match="no day"):
            parse("Wednesday", reference)

    def test_unreadable_reference_raises(self) -> None:
        """A reference that is not a date is refused."""
        with pytest.raises(ct.InvalidValueError):
            parse("Wednesday", "sometime")

    def test_relative_reference_raises(self) -> None:
        """A reference that is itself relative cannot be resolved."""
        with pytest.raises(ct.InvalidValueError):
            parse("Wednesday", "today")


class TestInvalid:
    @pytest.mark.parametrize(
        "text",
        [
            "June-ish",
            "2025-13",
            "2025-00",
            "2025-02-30",
            "2025-06-31",
            "2025-06-04T25:00:00",
            "0000",
            "",
            "   ",
            "25",
            "2025-6",
            "2025-6-4",
            "20250604",
            "next Wednesday",
            "Wed",
            "tomorrow",
            "Wednesday week",
        ],
    )
    def test_garbage_raises_invalid_value(self, text: str) -> None:
        """Text that is neither ISO 8601 nor a relative day is refused."""
        with pytest.raises(ct.InvalidValueError) as info:
            parse(text, "2025-06-04")
        assert info.value.field == "date"
        assert info.value.value == text

    def test_invalid_value_is_a_value_error(self) -> None:
        """Callers that catch `ValueError` also catch bad dates."""
        with pytest.raises(ValueError, match="June-ish"):
            parse("June-ish")

    def test_impossible_day_names_the_text(self) -> None:
        """The message quotes the refused text."""
        with pytest.raises(ct.InvalidValueError, match=r"'2025-02-30'"):
            parse("2025-02-30")

    @pytest.mark.parametrize("value", [2025, 2025.5, None, ["2025"]])
    def test_non_text_raises(self, value: object) -> None:
        """Numbers, None and lists are not dates."""
        with pytest.raises(ct.InvalidValueError, match="ISO 8601"):
            parse(value)  # type: ignore[arg-type]


class TestCompareDates:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("2024", "2025", -1),
            ("2025", "2025", 0),
            ("2025-05", "2025-06", -1),
            ("2025-06-04", "2025-06-03", 1),
            ("2025-06-04", "2025-06-04", 0),
            ("2024-12-31", "2025", -1),
            ("2026-01", "2025", 1),
            ("2025-05-31", "2025-06", -1),
            ("2025-07-01", "2025-06", 1),
            ("2024", "2025-06-04T10:00:00+00:00", -1),
        ],
    )
    def test_orders_dates_that_differ(
        self, a: str, b: str, expected: int
    ) -> None:
        """Dates that differ as far as the coarser goes are ordered."""
        assert ct.compare_dates(parse(a), parse(b)) == expected
        assert ct.compare_dates(parse(b), parse(a)) == -expected

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("2025", "2025-06"),
            ("2025", "2025-01-01"),
            ("2025-06", "2025-06-04"),
            ("2025-06", "2025-06-30"),
            ("2025", "2025-06-04T10:00:00+00:00"),
        ],
    )
    def test_agreeing_different_precisions_are_undecidable(
        self, a: str, b: str
    ) -> None:
        """A coarse date that contains the finer one cannot be ordered."""
        assert ct.compare_dates(parse(a), parse(b)) is None
        assert ct.compare_dates(parse(b), parse(a)) is None

    def test_times_compare_as_instants_across_zones(self) -> None:
        """Times in different zones are compared as instants."""
        paris = parse("2025-06-04T10:30:00+02:00")
        london = parse("2025-06-04T09:30:00+01:00")
        new_york = parse("2025-06-04T04:00:00-05:00")
        assert ct.compare_dates(paris, london) == 0
        assert ct.compare_dates(new_york, paris) == 1
        assert ct.compare_dates(paris, new_york) == -1

    def test_times_across_midnight_compare_as_instants(self) -> None:
        """A later written day can be an earlier instant."""
        late_west = parse("2025-06-04T23:00:00-05:00")
        early_east = parse("2025-06-05T01:00:00+00:00")
        assert ct.compare_dates(late_west, early_east) == 1

    def test_naive_time_counts_as_utc(self) -> None:
        """A time without a zone is read as UTC."""
        naive = parse("2025-06-04T09:30:00")
        assert ct.compare_dates(naive, parse("2025-06-04T10:30:00+01:00")) == 0
        assert ct.compare_dates(naive, parse("2025-06-04T09:30:00+00:00")) == 0
        assert ct.compare_dates(naive, parse("2025-06-04T10:00:00+01:00")) == 1
        assert (
            ct.compare_dates(naive, parse("2025-06-04T09:00:00-01:00")) == -1
        )

    def test_naive_datetime_object_counts_as_utc(self) -> None:
        """A naive `datetime` object compares as UTC too."""
        naive = parse(dt.datetime(2025, 6, 4, 9, 30))  # noqa: DTZ001
        aware = parse(dt.datetime(2025, 6, 4, 9, 30, tzinfo=dt.UTC))
        assert ct.compare_dates(naive, aware) == 0
        assert naive != aware

    def test_time_against_a_day_uses_the_day_written(self) -> None:
        """A time is placed on the day written in it, whatever its zone."""
        late = parse("2025-06-04T23:30:00-05:00")  # 5 June in UTC
        assert ct.compare_dates(late, parse("2025-06-05")) == -1
        assert ct.compare_dates(parse("2025-06-05"), late) == 1
        assert ct.compare_dates(late, parse("2025-06-03")) == 1

    def test_time_within_its_own_day_is_undecidable(self) -> None:
        """A time on a day cannot be ordered against that whole day."""
        time = parse("2025-06-04T10:00:00+01:00")
        assert ct.compare_dates(time, parse("2025-06-04")) is None
        assert ct.compare_dates(parse("2025-06-04"), time) is None

    def test_equal_times_compare_equal(self) -> None:
        """A time compared with itself is 0."""
        time = parse("2025-06-04T10:00:00")
        assert ct.compare_dates(time, time) == 0


class TestClaimSetDates:
    @pytest.fixture(name="cs")
    def _cs(self) -> ct.ClaimSet:
        """A set with a source, a claim, and a dated article."""
        cs = ct.ClaimSet()
        cs.record_source("army", name="The army")
        cs.record_source("outlet", name="The outlet")
        cs.record_claim("convoy", text="A convoy was destroyed.")
        cs.record_document("article", publisher="outlet", date="2025-06-05")
        return cs

    def test_document_relative_date_resolves_against_relative_to(
        self, cs: ct.ClaimSet
    ) -> None:
        """A communiqué "issued on Wednesday" gets the Wednesday's date."""
        document = cs.record_document(
            "communique",
            publisher="army",
            date="Wednesday",
            relative_to="2025-06-05",
        )
        assert document.date == parse("2025-06-04")
        assert cs.document("communique").date == parse("2025-06-04")

    def test_statement_relative_date_resolves_against_its_document(
        self, cs: ct.ClaimSet
    ) -> None:
        """A statement's relative date resolves against its document."""
        statement = cs.record_statement(
            "s1",
            claim="convoy",
            source="army",
            date="on Wednesday",
            document="article",
        )
        assert statement.date == parse("2025-06-04")

    def test_statement_relative_to_overrides_the_document(
        self, cs: ct.ClaimSet
    ) -> None:
        """An explicit reference wins over the document's date."""
        statement = cs.record_statement(
            "s1",
            claim="convoy",
            source="army",
            date="yesterday",
            document="article",
            relative_to="2025-06-20",
        )
        assert statement.date == parse("2025-06-19")

    def test_statement_absolute_date_ignores_the_document(
        self, cs: ct.ClaimSet
    ) -> None:
        """An absolute date is kept as given, whatever the document says."""
        statement = cs.record_statement(
            "s1",
            claim="convoy",
            source="army",
            date="2025-06",
            document="article",
        )
        assert statement.date == parse("2025-06")
        assert statement.date.precision is ct.Precision.MONTH

    def test_document_relative_date_without_reference_changes_nothing(
        self, cs: ct.ClaimSet
    ) -> None:
        """A relative document date with no reference is refused cleanly."""
        before, size = cs.copy(), len(cs)
        with pytest.raises(ct.InvalidValueError, match="reference"):
            cs.record_document("communique", date="Wednesday")
        assert len(cs) == size
        assert cs == before
        assert "communique" not in cs

    def test_statement_relative_date_without_reference_changes_nothing(
        self, cs: ct.ClaimSet
    ) -> None:
        """A relative statement date with no document date is refused."""
        before, size = cs.copy(), len(cs)
        with pytest.raises(ct.InvalidValueError, match="reference"):
            cs.record_statement(
                "s1", claim="convoy", source="army", date="Wednesday"
            )
        assert len(cs) == size
        assert cs == before

    def test_undated_document_gives_no_reference(
        self, cs: ct.ClaimSet
    ) -> None:
        """A document without a date cannot resolve a relative date."""
        cs.record_document("leaflet", publisher="army")
        before, size = cs.copy(), len(cs)
        with pytest.raises(ct.InvalidValueError):
            cs.record_statement(
                "s1",
                claim="convoy",
                source="army",
                date="today",
                document="leaflet",
            )
        assert len(cs) == size
        assert cs == before

    def test_document_dated_to_the_month_cannot_resolve(
        self, cs: ct.ClaimSet
    ) -> None:
        """A document dated only to a month gives no day to resolve."""
        cs.record_document("report", publisher="army", date="2025-06")
        before = cs.copy()
        with pytest.raises(ct.InvalidValueError, match="no day"):
            cs.record_statement(
                "s1",
                claim="convoy",
                source="army",
                date="Wednesday",
                document="report",
            )
        assert cs == before

    def test_relative_claim_event_date_raises(self, cs: ct.ClaimSet) -> None:
        """A claim's event date has no reference, so cannot be relative."""
        before = cs.copy()
        with pytest.raises(ct.InvalidValueError):
            cs.record_claim("raid", text="A raid.", event_date="yesterday")
        assert cs == before

    def test_relative_link_date_raises(self, cs: ct.ClaimSet) -> None:
        """Link validity dates cannot be relative."""
        before = cs.copy()
        with pytest.raises(ct.InvalidValueError):
            cs.link("army", "part_of", "outlet", valid_from="Wednesday")
        assert cs == before

    def test_garbage_document_date_changes_nothing(
        self, cs: ct.ClaimSet
    ) -> None:
        """An unreadable date is refused and nothing is recorded."""
        before, size = cs.copy(), len(cs)
        with pytest.raises(ct.InvalidValueError, match="June-ish"):
            cs.record_document("memo", date="June-ish")
        assert len(cs) == size
        assert cs == before


class TestRefusedRatherThanChanged:
    @pytest.mark.parametrize(
        "text", ["2025-06-04T10:00:00.1234567", "2025-06-04T24:00"]
    )
    def test_never_rounded_or_moved(self, text: str) -> None:
        """Seven decimals of a second, or hour 24, are refused."""
        with pytest.raises(ct.InvalidValueError):
            ct.PartialDate.parse(text)

    def test_offset_of_a_day(self) -> None:
        """An aware datetime whose offset is 24 hours or more is refused."""

        class Far(dt.tzinfo):
            def utcoffset(self, _: dt.datetime | None) -> dt.timedelta:
                return dt.timedelta(hours=25)

        with pytest.raises(ct.InvalidValueError, match="no instant"):
            ct.PartialDate.parse(dt.datetime(2020, 1, 1, tzinfo=Far()))

    def test_offset_with_seconds(self) -> None:
        """An offset ISO 8601 text cannot hold is refused."""
        zone = dt.timezone(dt.timedelta(hours=5, seconds=15))

        with pytest.raises(ct.InvalidValueError, match="whole number"):
            ct.PartialDate.parse(dt.datetime(2020, 1, 1, tzinfo=zone))

    def test_only_ascii_digits(self) -> None:
        """Arabic-Indic digits are not read as a year."""
        with pytest.raises(ct.InvalidValueError):
            ct.PartialDate.parse("٢٠٢٥")

    def test_schema_pattern_is_the_written_form(self) -> None:
        """The schema's date pattern is the loader's, character for character."""
        schema = ct.serialization.schema()

        assert schema["$defs"]["date"]["pattern"] == WRITTEN_DATE
