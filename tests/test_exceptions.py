# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.exceptions`."""

from __future__ import annotations

import pickle

import pytest

import claimtrack as ct

from claimtrack import exceptions


ERROR_NAMES = sorted(n for n in exceptions.__all__ if n.endswith("Error"))
RECORD_NAMES = [
    "ClaimReviewProblem",
    "Conflict",
    "FormatProblem",
    "TableProblem",
]

VALUE_ERRORS = [
    ct.AffiliationCycleError,
    ct.DuplicateIdError,
    ct.InvalidIntervalError,
    ct.InvalidRetractionError,
    ct.InvalidValueError,
    ct.RelayCycleError,
    ct.TemporalInconsistencyError,
]


@pytest.fixture(name="cs")
def _cs() -> ct.ClaimSet:
    """Two sources, a document, two claims and one dated statement."""
    cs = ct.ClaimSet()
    cs.record_source("army", name="The army")
    cs.record_source("outlet", name="The outlet")
    cs.record_document("communique", publisher="army", date="2025-06-04")
    cs.record_claim("convoy", text="A convoy was destroyed.")
    cs.record_claim("raid", text="A raid took place.")
    cs.record_statement("s1", claim="convoy", source="army", date="2025-06-04")
    return cs


class TestHierarchy:
    def test_all_lists_every_error(self) -> None:
        """The module exports the errors, their records and one warning."""
        assert set(exceptions.__all__) == {
            "AffiliationCycleError",
            "ClaimReviewError",
            "ClaimReviewExportError",
            "ClaimReviewProblem",
            "ClaimReviewWarning",
            "ClaimtrackError",
            "Conflict",
            "DuplicateIdError",
            "FormatError",
            "FormatProblem",
            "InvalidIntervalError",
            "InvalidRetractionError",
            "InvalidValueError",
            "MergeConflictError",
            "MissingExtraError",
            "PathError",
            "RelayCycleError",
            "TableError",
            "TableProblem",
            "TemporalInconsistencyError",
            "UnknownReferenceError",
        }

    @pytest.mark.parametrize("name", RECORD_NAMES)
    def test_records_are_plain_tuples(self, name: str) -> None:
        """The errors' data records are named tuples, not errors."""
        record = getattr(exceptions, name)
        assert issubclass(record, tuple)
        assert not issubclass(record, BaseException)
        assert getattr(ct, name) is record

    @pytest.mark.parametrize("name", ERROR_NAMES)
    def test_every_error_is_a_claimtrack_error(self, name: str) -> None:
        """Every exported error subclasses `ClaimtrackError`."""
        error = getattr(exceptions, name)
        assert isinstance(error, type)
        assert issubclass(error, ct.ClaimtrackError)
        assert issubclass(error, Exception)

    @pytest.mark.parametrize("name", ERROR_NAMES)
    def test_package_reexports_the_same_class(self, name: str) -> None:
        """`claimtrack.X` is the very class `claimtrack.exceptions.X`."""
        assert getattr(ct, name) is getattr(exceptions, name)

    def test_the_warning_is_a_user_warning(self) -> None:
        """ClaimReviewWarning is a UserWarning, not an error."""
        assert issubclass(ct.ClaimReviewWarning, UserWarning)
        assert not issubclass(ct.ClaimReviewWarning, ct.ClaimtrackError)
        assert ct.ClaimReviewWarning is exceptions.ClaimReviewWarning

    def test_the_export_error_is_a_claimreview_error(self) -> None:
        """Refused exports are caught as ClaimReviewError and ValueError."""
        problem = ct.ClaimReviewProblem("r", 0, "url", "give it one")
        error = ct.ClaimReviewExportError([problem], url=None)

        assert isinstance(error, ct.ClaimReviewError)
        assert isinstance(error, ValueError)
        assert error.problems == (problem,)
        assert str(problem) == "review 'r': no url (give it one)"

    def test_base_is_a_plain_exception(self) -> None:
        """The base class is neither a ValueError nor a LookupError."""
        assert ct.ClaimtrackError.__bases__ == (Exception,)

    def test_unknown_reference_is_a_lookup_error(self) -> None:
        """An unknown id is a `LookupError`, like a missing key."""
        assert issubclass(ct.UnknownReferenceError, LookupError)

    @pytest.mark.parametrize("error", VALUE_ERRORS)
    def test_bad_values_are_value_errors(self, error: type) -> None:
        """Refused values, duplicates and cycles are `ValueError`s."""
        assert issubclass(error, ValueError)

    def test_invalid_interval_is_an_invalid_value(self) -> None:
        """An empty interval is a kind of invalid value."""
        assert issubclass(ct.InvalidIntervalError, ct.InvalidValueError)

    def test_catching_the_base_catches_api_errors(
        self, cs: ct.ClaimSet
    ) -> None:
        """One `except ClaimtrackError` handles what the API raises."""
        with pytest.raises(ct.ClaimtrackError):
            cs.record_claim("army", text="Not a source.")
        with pytest.raises(ct.ClaimtrackError):
            cs.source("nobody")
        with pytest.raises(ct.ClaimtrackError):
            cs.record_source("x", name="X", reliability="Z")

    def test_unknown_lookup_can_be_caught_as_lookup_error(
        self, cs: ct.ClaimSet
    ) -> None:
        """`cs[id]` for an unknown id raises a `LookupError`."""
        with pytest.raises(LookupError, match="nobody"):
            cs["nobody"]


class TestUnknownReferenceError:
    def test_unknown_id_names_kind_id_and_referrer(
        self, cs: ct.ClaimSet
    ) -> None:
        """An unknown claim is named with the record that refers to it."""
        with pytest.raises(ct.UnknownReferenceError) as info:
            cs.record_statement("s2", claim="ghost", source="army")
        error = info.value
        assert (error.kind, error.record_id) == ("claim", "ghost")
        assert error.found is None
        assert error.referrer == "s2"
        assert str(error) == "unknown claim 'ghost' (referred to by 's2')"

    def test_wrong_kind_says_what_the_id_is(self, cs: ct.ClaimSet) -> None:
        """An id of the wrong kind is reported as what it actually is."""
        with pytest.raises(ct.UnknownReferenceError) as info:
            cs.record_statement("s2", claim="convoy", source="communique")
        error = info.value
        assert error.kind == "source"
        assert error.record_id == "communique"
        assert error.found == "document"
        assert error.referrer == "s2"
        assert "'communique' is a document, not a source" in str(error)

    def test_lookup_without_referrer(self, cs: ct.ClaimSet) -> None:
        """A direct look-up has no referrer to name."""
        with pytest.raises(ct.UnknownReferenceError) as info:
            cs.claim("ghost")
        assert info.value.referrer is None
        assert str(info.value) == "unknown claim 'ghost'"

    def test_lookup_of_wrong_kind(self, cs: ct.ClaimSet) -> None:
        """Looking up a claim by a source's id says it is a source."""
        with pytest.raises(
            ct.UnknownReferenceError, match="'army' is a source, not a claim"
        ) as info:
            cs.claim("army")
        assert info.value.found == "source"

    def test_direct_construction(self) -> None:
        """The constructor stores its arguments as attributes."""
        error = ct.UnknownReferenceError(
            "document", "d9", found="claim", referrer="s4"
        )
        assert (error.kind, error.record_id) == ("document", "d9")
        assert (error.found, error.referrer) == ("claim", "s4")
        assert (
            str(error)
            == "'d9' is a claim, not a document (referred to by 's4')"
        )


class TestDuplicateIdError:
    def test_names_the_id_and_both_records(self, cs: ct.ClaimSet) -> None:
        """The message names the id, its holder and the refused record."""
        with pytest.raises(ct.DuplicateIdError) as info:
            cs.record_claim("army", text="The army did it.")
        error = info.value
        assert error.record_id == "army"
        assert "army" in str(error)
        assert "source 'The army'" in error.existing
        assert error.new == "claim"
        assert str(error) == (
            "id 'army' is already used by source 'The army'; refusing claim"
        )

    def test_statement_clash_describes_both_statements(
        self, cs: ct.ClaimSet
    ) -> None:
        """A clashing statement is described by source, claim and stance."""
        with pytest.raises(ct.DuplicateIdError) as info:
            cs.record_statement(
                "s1", claim="convoy", source="outlet", stance="denies"
            )
        assert info.value.record_id == "s1"
        assert "'army'" in info.value.existing
        assert "'outlet'" in info.value.new
        assert "denies" in info.value.new

    def test_survives_pickling(self) -> None:
        """A duplicate-id error can be pickled and read back."""
        error = ct.DuplicateIdError("x", existing="source 'X'", new="claim")
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301
        assert str(copy) == str(error)


class TestRelayCycleError:
    def test_self_derivation_names_the_statement(self) -> None:
        """A statement deriving from itself is a cycle of one."""
        with pytest.raises(ct.RelayCycleError) as info:
            ct.Statement(
                id="loop", claim="convoy", source="army", derives_from=["loop"]
            )
        assert info.value.cycle == ("loop",)
        assert str(info.value) == (
            "statements derive from each other in a cycle: 'loop' -> 'loop'"
        )

    def test_cycle_message_lists_the_ring(self) -> None:
        """The message walks the cycle and returns to its start."""
        error = ct.RelayCycleError(["a", "b", "c"])
        assert error.cycle == ("a", "b", "c")
        assert str(error).endswith("'a' -> 'b' -> 'c' -> 'a'")

    def test_from_record_many(self, cs: ct.ClaimSet) -> None:
        """A relay cycle in a batch names both statements."""
        with pytest.raises(ct.RelayCycleError) as info:
            cs.record_many(
                [
                    ct.Statement(
                        id="r1",
                        claim="convoy",
                        source="outlet",
                        derives_from=["r2"],
                    ),
                    ct.Statement(
                        id="r2",
                        claim="convoy",
                        source="army",
                        derives_from=["r1"],
                    ),
                ]
            )
        assert set(info.value.cycle) == {"r1", "r2"}
        assert "'r1'" in str(info.value)
        assert "'r2'" in str(info.value)


class TestAffiliationCycleError:
    def test_names_sources_and_links(self, cs: ct.ClaimSet) -> None:
        """The error holds the sources and the links of the cycle."""
        cs.link("army", "part_of", "outlet", id="l1")
        with pytest.raises(ct.AffiliationCycleError) as info:
            cs.link("outlet", "controlled_by", "army", id="l2")
        error = info.value
        assert set(error.cycle) == {"army", "outlet"}
        assert set(error.links) == {"l1", "l2"}
        for name in ("army", "outlet", "l1", "l2"):
            assert repr(name) in str(error)

    def test_direct_construction(self) -> None:
        """The message is the ring of sources then the links."""
        error = ct.AffiliationCycleError(["a", "b"], ["a part_of b", "x"])
        assert error.cycle == ("a", "b")
        assert error.links == ("a part_of b", "x")
        assert str(error) == (
            "affiliations form a cycle at one time: 'a' -> 'b' -> 'a' "
            "(links 'a part_of b', 'x')"
        )


class TestTemporalInconsistencyError:
    def test_names_both_statements(self, cs: ct.ClaimSet) -> None:
        """The earlier statement and the later one it uses are named."""
        with pytest.raises(ct.TemporalInconsistencyError) as info:
            cs.record_statement(
                "early",
                claim="convoy",
                source="outlet",
                date="2025-06-03",
                derives_from=["s1"],
                via="relays",
            )
        error = info.value
        assert error.statement == "early"
        assert error.later == "s1"
        assert "2025-06-03" in error.detail
        assert "2025-06-04" in error.detail
        assert "'early'" in str(error)
        assert "'s1'" in str(error)


class TestInvalidRetractionError:
    def test_names_retraction_and_target(self, cs: ct.ClaimSet) -> None:
        """A retraction of another's statement names both statements."""
        with pytest.raises(ct.InvalidRetractionError) as info:
            cs.record_statement(
                "withdraw", source="outlet", stance="retracts", target="s1"
            )
        error = info.value
        assert error.retraction == "withdraw"
        assert error.target == "s1"
        assert "'army'" in error.reason
        assert str(error).startswith(
            "statement 'withdraw' cannot retract 's1': "
        )


class TestInvalidValueError:
    def test_holds_field_value_and_reason(self, cs: ct.ClaimSet) -> None:
        """A refused reliability letter names the field and the value."""
        with pytest.raises(ct.InvalidValueError) as info:
            cs.record_source("radio", name="Radio", reliability="G")
        error = info.value
        assert error.field == "reliability"
        assert error.value == "G"
        assert "A, B, C, D, E or F" in error.reason
        assert str(error).startswith("invalid reliability 'G': ")

    def test_unknown_stance_lists_the_choices(self, cs: ct.ClaimSet) -> None:
        """An unknown stance is refused with the accepted values."""
        with pytest.raises(ct.InvalidValueError) as info:
            cs.record_statement(claim="convoy", source="army", stance="hints")
        assert info.value.field == "stance"
        assert info.value.value == "hints"
        for stance in ("asserts", "denies", "retracts"):
            assert repr(stance) in info.value.reason


class TestInvalidIntervalError:
    def test_names_the_link_and_its_dates(self, cs: ct.ClaimSet) -> None:
        """A reversed interval names the link and both dates."""
        with pytest.raises(ct.InvalidIntervalError) as info:
            cs.link(
                "army",
                "part_of",
                "outlet",
                valid_from="2022",
                valid_to="2021",
                id="reversed",
            )
        error = info.value
        assert error.link == "reversed"
        assert error.field == "interval"
        assert error.value == ("2022", "2021")
        assert "'reversed'" in str(error)
        assert "2022" in str(error)
        assert "2021" in str(error)

    def test_is_caught_as_invalid_value(self, cs: ct.ClaimSet) -> None:
        """Code that catches `InvalidValueError` sees empty intervals."""
        with pytest.raises(ct.InvalidValueError, match="empty or reversed"):
            cs.link(
                "army",
                "part_of",
                "outlet",
                valid_from="2021-06",
                valid_to="2021-06",
            )


class TestPickling:
    @pytest.mark.parametrize(
        "error",
        [
            ct.UnknownReferenceError(
                "claim", "c", found="source", referrer="s"
            ),
            ct.RelayCycleError(["a", "b"]),
            ct.AffiliationCycleError(["a", "b"], ["l1", "l2"]),
            ct.TemporalInconsistencyError("a", "b", "detail"),
            ct.InvalidRetractionError("a", "b", "reason"),
            ct.InvalidValueError("field", 3, "reason"),
            ct.InvalidIntervalError("l", "2022", "2021"),
        ],
        ids=lambda error: type(error).__name__,
    )
    def test_round_trips(self, error: ct.ClaimtrackError) -> None:
        """Errors survive pickling with their message and attributes."""
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert vars(copy) == vars(error)
