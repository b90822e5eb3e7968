# SPDX-License-Identifier: MIT
"""Tests for reviews, ratings and verdicts, and their place in `ClaimSet`."""

from __future__ import annotations

import math
import pickle

from typing import Any

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct

from .strategies import claim_sets, ratings, summary


@pytest.fixture(name="cs")
def _cs() -> ct.ClaimSet:
    """A viral claim, its poster, a fact-checker, and an official figure."""
    cs = ct.ClaimSet()
    cs.record_source("checker", name="Example Check", kind="news_outlet")
    cs.record_source("poster", name="A viral account")
    cs.record_source("agency", name="The statistics agency")
    cs.record_claim("c1", text="Unemployment doubled last year.")
    cs.record_claim("c2", text="Le chômage a doublé l'an dernier.")
    cs.record_claim("other", text="Inflation halved.")
    cs.record_document("figures", publisher="agency", date="2025-02-01")
    cs.record_statement("post", claim="c1", source="poster", date="2025-03-02")
    cs.record_statement(
        "official", claim="c1", source="agency", stance="denies"
    )
    cs.record_statement("elsewhere", claim="other", source="poster")
    return cs


def review_of(cs: ct.ClaimSet, **changes: Any) -> ct.Review:
    """Record a typical review of c1, with *changes* to its arguments."""
    arguments: dict[str, Any] = {
        "claim": "c1",
        "reviewer": "checker",
        "date": "2025-03-04",
        "rating": ct.Rating(label="Mostly false", value=2, best=5, worst=1),
        "url": "https://example.org/check-1",
        "title": "No, unemployment did not double",
        "summary": "The agency's figures show a small rise.",
        "evidence": [("figures", "refutes")],
        "reviewed": ["post"],
    }
    id = changes.pop("id", "r1")
    arguments.update(changes)
    return cs.record_review(id, **arguments)


class TestRating:
    def test_label_and_numbers_are_kept_as_given(self) -> None:
        """The reviewer's label and numbers are kept exactly."""
        rating = ct.Rating(label="Engañoso", value=2.5, best=5, worst=1)

        assert rating.label == "Engañoso"
        assert (rating.value, rating.best, rating.worst) == (2.5, 5, 1)

    def test_whole_floats_become_ints(self) -> None:
        """A number without a fractional part is kept as an int."""
        rating = ct.Rating(value=1.0, best=5.0, worst=-0.0)

        assert (rating.value, rating.best, rating.worst) == (1, 5, 0)
        assert all(
            type(n) is int for n in (rating.value, rating.best, rating.worst)
        )

    def test_a_label_or_a_value_is_needed(self) -> None:
        """A rating with neither a label nor a value is refused."""
        with pytest.raises(ct.InvalidValueError, match="label or a value"):
            ct.Rating(best=5, worst=1)

    @pytest.mark.parametrize(
        "bad", ["1", True, math.nan, math.inf, -math.inf, [1]]
    )
    def test_numbers_must_be_finite_numbers(self, bad: object) -> None:
        """Strings, booleans, NaN and infinities are not rating numbers."""
        with pytest.raises(ct.InvalidValueError):
            ct.Rating(label="False", value=bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["", "  ", 3])
    def test_label_must_be_text(self, bad: object) -> None:
        """An empty or non-string label is refused."""
        with pytest.raises(ct.InvalidValueError):
            ct.Rating(label=bad)  # type: ignore[arg-type]

    def test_verdict_is_worked_out(self) -> None:
        """Without a verdict, the rating's label or scale gives it."""
        assert ct.Rating(label="Falso").verdict is ct.Verdict.FALSE
        assert ct.Rating(value=5, best=5, worst=1).verdict is ct.Verdict.TRUE
        assert ct.Rating(
            label="Half true", value=5, best=5, worst=1
        ).verdict is (ct.Verdict.MIXTURE)

    def test_explicit_verdict_is_kept(self) -> None:
        """A verdict given by hand overrides the rule."""
        rating = ct.Rating(label="Pinocchio", verdict="false")

        assert rating.verdict is ct.Verdict.FALSE

    def test_unknown_verdict_is_refused(self) -> None:
        """A verdict outside the four values is refused."""
        with pytest.raises(ct.InvalidValueError, match="'mixture'"):
            ct.Rating(label="False", verdict="mostly")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("rating", "text"),
        [
            (
                ct.Rating(label="False", value=1, best=5, worst=1),
                "'False' (1 on a scale of 1 to 5)",
            ),
            (
                ct.Rating(label="Falso", value=4, best=6),
                "'Falso' (4 out of 6)",
            ),
            (ct.Rating(value=2.5), "2.5"),
            (ct.Rating(label="Faux"), "'Faux'"),
        ],
    )
    def test_describe(self, rating: ct.Rating, text: str) -> None:
        """A rating describes itself in words, label first."""
        assert rating.describe() == text


class TestVerdictOf:
    @pytest.mark.parametrize(
        ("value", "verdict"),
        [(1, "false"), (2, "false"), (3, "mixture"), (4, "true"), (5, "true")],
    )
    def test_one_to_five(self, value: int, verdict: str) -> None:
        """On a 1-5 scale, 1-2 are false, 3 mixture, 4-5 true."""
        assert ct.verdict_of(None, value=value, best=5, worst=1) == verdict

    @pytest.mark.parametrize(
        ("value", "verdict"),
        [(1, "false"), (2, "mixture"), (3, "mixture"), (4, "true")],
    )
    def test_third_bounds_are_mixture(self, value: int, verdict: str) -> None:
        """Exactly a third or two thirds up the scale is mixture."""
        assert ct.verdict_of(None, value=value, best=4, worst=1) == verdict

    def test_inverted_scale(self) -> None:
        """A scale whose best value is its lowest is read the right way."""
        assert ct.verdict_of(None, value=1, best=1, worst=5) == "true"
        assert ct.verdict_of(None, value=5, best=1, worst=5) == "false"

    @pytest.mark.parametrize(
        ("label", "value", "verdict"),
        [
            ("Mostly false", 2, "mixture"),  # the scale says false
            ("Mostly true", 4, "mixture"),  # the scale says true
            ("False", 3, "false"),  # the scale says mixture
            ("Misleading", 3, "other"),  # known, and about something else
            ("Unproven", 1, "other"),
            ("Engañoso", 2, "other"),
        ],
    )
    def test_a_known_label_wins_over_the_scale(
        self, label: str, value: int, verdict: str
    ) -> None:
        """A label in the table decides, whatever the numbers say."""
        assert ct.verdict_of(label, value=value, best=5, worst=1) == verdict
        assert ct.verdict_of(label) == verdict
        assert ct.Rating(
            label=label, value=value, best=5, worst=1
        ).verdict == (verdict)

    @pytest.mark.parametrize(
        ("label", "verdict"),
        [(None, "false"), ("Two Pinocchios", "false"), ("FALSO: no", "false")],
    )
    def test_an_unknown_label_leaves_it_to_the_scale(
        self, label: str | None, verdict: str
    ) -> None:
        """Without a known label, a usable scale decides."""
        assert ct.verdict_of(label, value=2, best=5, worst=1) == verdict

    def test_extra_labels_win_over_the_scale(self) -> None:
        """Labels given to the call are known labels too."""
        extra = {"Two Pinocchios": "mixture"}

        verdict = ct.verdict_of(
            "Two Pinocchios", value=1, best=5, worst=1, labels=extra
        )

        assert verdict is ct.Verdict.MIXTURE

    def test_extra_labels_are_checked_without_a_label(self) -> None:
        """Bad extra labels are refused even when there is no label."""
        with pytest.raises(ct.InvalidValueError):
            ct.verdict_of(None, value=1, best=5, worst=1, labels={"": "x"})

    @pytest.mark.parametrize(
        ("value", "best", "worst"),
        [
            (4, 6, None),  # no worst value: not assumed to be 1
            (1, None, None),  # no scale at all
            (-1, -1, -1),  # best equals worst
            (9, 5, 1),  # off the scale
            (None, 5, 1),  # no value
        ],
    )
    def test_unusable_scale_and_a_known_label(
        self, value: Any, best: Any, worst: Any
    ) -> None:
        """A known label decides, with or without a usable scale."""
        verdict = ct.verdict_of("Falso", value=value, best=best, worst=worst)

        assert verdict is ct.Verdict.FALSE

    @pytest.mark.parametrize(
        ("label", "verdict"),
        [
            ("True", "true"),
            ("Correct", "true"),
            ("Verdadero", "true"),
            ("Verdadeiro", "true"),
            ("Vrai", "true"),
            ("Richtig", "true"),
            ("Half true", "mixture"),
            ("Mostly False", "mixture"),
            ("Verdad a medias", "mixture"),
            ("Meia-verdade", "mixture"),
            ("Plutôt faux", "mixture"),
            ("Teilweise falsch", "mixture"),
            ("False", "false"),
            ("Incorrect", "false"),
            ("Falso", "false"),
            ("Faux", "false"),
            ("Falsch", "false"),
            ("Misleading", "other"),
            ("Engañoso", "other"),
            ("Unproven", "other"),
        ],
    )
    def test_common_labels(self, label: str, verdict: str) -> None:
        """Common labels in five languages map to their verdicts."""
        assert ct.verdict_of(label) == verdict

    @pytest.mark.parametrize(
        "label", ["FALSO", "falso.", "  Falso \r", "¡Falso!", "fálso"]
    )
    def test_case_accents_and_punctuation_are_ignored(
        self, label: str
    ) -> None:
        """Labels match whatever their case, accents and punctuation."""
        assert ct.verdict_of(label) is ct.Verdict.FALSE
        assert ct.label_key(label) == "falso"

    @pytest.mark.parametrize(
        "label",
        [
            "FALSO: as imagens foram retiradas de outro vídeo",
            "Not false",
            "Pinocchios",
            "really_false",
            "",
        ],
    )
    def test_unknown_labels_are_other(self, label: str) -> None:
        """Only whole labels match; anything else is other, not a guess."""
        assert ct.verdict_of(label) is ct.Verdict.OTHER

    def test_no_label_no_scale_is_other(self) -> None:
        """Nothing to go on gives other."""
        assert ct.verdict_of() is ct.Verdict.OTHER

    def test_labels_for_one_call(self) -> None:
        """Extra labels apply to the call they are given to, first."""
        extra = {"Really false": "false", "Falso": ct.Verdict.OTHER}

        assert ct.verdict_of("really_false", labels=extra) == "false"
        assert ct.verdict_of("falso", labels=extra) == "other"
        assert ct.verdict_of("really_false") == "other"

    @pytest.mark.parametrize(
        "labels",
        [{"": "false"}, {"...": "false"}, {"x": "nope"}, {3: "false"}, ["x"]],
    )
    def test_bad_labels_are_refused(self, labels: Any) -> None:
        """Extra labels need a letter or digit and a known verdict."""
        with pytest.raises(ct.InvalidValueError):
            ct.verdict_of("x", labels=labels)
        with pytest.raises(ct.InvalidValueError):
            ct.add_rating_labels(labels)

    def test_add_rating_labels_extends_the_table(self) -> None:
        """Added labels hold from then on, and new ratings use them."""
        label = "Claimtrack test label, four Pinocchios"
        before = ct.Rating(label=label)

        ct.add_rating_labels({label: "false"})

        assert ct.RATING_LABELS[ct.label_key(label)] is ct.Verdict.FALSE
        assert ct.Rating(label=label).verdict is ct.Verdict.FALSE
        assert before.verdict is ct.Verdict.OTHER

    def test_the_table_is_read_only(self) -> None:
        """RATING_LABELS cannot be changed in place."""
        with pytest.raises(TypeError):
            ct.RATING_LABELS["x"] = ct.Verdict.TRUE  # type: ignore[index]

    def test_the_table_is_keyed_by_label_key(self) -> None:
        """Every key in the table is its own label key."""
        assert all(ct.label_key(key) == key for key in ct.RATING_LABELS)


class TestEvidence:
    def test_pairs_become_evidence(self) -> None:
        """(record, role) pairs and Evidence records are both accepted."""
        review = ct.Review(
            id="r",
            claim="c",
            reviewer="x",
            rating="False",
            evidence=[
                ("s1", "supports"),
                ct.Evidence(record="d1", role=ct.EvidenceRole.REFUTES),
            ],
        )

        assert review.evidence == (
            ct.Evidence(record="s1", role="supports"),
            ct.Evidence(record="d1", role="refutes"),
        )

    @pytest.mark.parametrize(
        "bad",
        [
            "s1",
            [("s1",)],
            [("s1", "proves")],
            [("", "supports")],
            [("s1", "supports"), ("s1", "refutes")],
            5,
        ],
    )
    def test_bad_evidence_is_refused(self, bad: Any) -> None:
        """Evidence must be a list of distinct (record, role) pairs."""
        with pytest.raises(ct.InvalidValueError):
            ct.Review(
                id="r", claim="c", reviewer="x", rating="False", evidence=bad
            )

    def test_a_statement_is_reviewed_once(self) -> None:
        """A statement listed twice as reviewed is refused."""
        with pytest.raises(ct.InvalidValueError, match="twice"):
            ct.Review(
                id="r",
                claim="c",
                reviewer="x",
                rating="False",
                reviewed=["s1", "s1"],
            )

    @pytest.mark.parametrize("bad", [None, 3, ["False"]])
    def test_rating_must_be_a_rating_or_a_label(self, bad: Any) -> None:
        """A review's rating is a Rating or a label string."""
        with pytest.raises(ct.InvalidValueError, match="rating"):
            ct.Review(id="r", claim="c", reviewer="x", rating=bad)


class TestRecordReview:
    def test_records_and_returns_the_review(self, cs: ct.ClaimSet) -> None:
        """record_review returns the review it recorded, with every field."""
        review = review_of(cs)

        assert cs.review("r1") is review
        assert review.date == ct.PartialDate.parse("2025-03-04")
        assert review.rating.verdict is ct.Verdict.MIXTURE
        assert review.evidence == (
            ct.Evidence(record="figures", role="refutes"),
        )
        assert review.reviewed == ("post",)
        assert "r1" in cs
        assert cs["r1"] is review

    def test_a_label_is_a_rating(self, cs: ct.ClaimSet) -> None:
        """A plain label is taken as a rating with that label."""
        review = review_of(cs, rating="Falso")

        assert review.rating == ct.Rating(label="Falso")

    def test_date_may_be_unknown(self, cs: ct.ClaimSet) -> None:
        """A review whose date is not known has date None."""
        assert review_of(cs, date=None).date is None

    @pytest.mark.parametrize(
        ("changes", "kind", "missing", "found"),
        [
            ({"claim": "ghost"}, "claim", "ghost", None),
            ({"reviewer": "ghost"}, "source", "ghost", None),
            ({"reviewer": "c1"}, "source", "c1", "claim"),
            (
                {"evidence": [("ghost", "supports")]},
                "statement or document",
                "ghost",
                None,
            ),
            (
                {"evidence": [("other", "supports")]},
                "statement or document",
                "other",
                "claim",
            ),
            ({"reviewed": ["ghost"]}, "statement", "ghost", None),
        ],
    )
    def test_unknown_references(
        self,
        cs: ct.ClaimSet,
        changes: dict[str, Any],
        kind: str,
        missing: str,
        found: str | None,
    ) -> None:
        """An unknown or wrong-kind reference names the id; nothing changes."""
        before = cs.copy()

        with pytest.raises(ct.UnknownReferenceError) as caught:
            review_of(cs, **changes)

        assert (caught.value.kind, caught.value.record_id) == (kind, missing)
        assert caught.value.found == found
        assert caught.value.referrer == "r1"
        assert cs == before

    def test_reviewed_statements_are_about_the_claim(
        self, cs: ct.ClaimSet
    ) -> None:
        """A reviewed statement about another claim is refused."""
        with pytest.raises(ct.InvalidValueError, match="'elsewhere'"):
            review_of(cs, reviewed=["elsewhere"])

        assert "r1" not in cs

    def test_identical_review_again_does_nothing(
        self, cs: ct.ClaimSet
    ) -> None:
        """Recording an identical review twice is not an error."""
        first = review_of(cs)

        again = review_of(cs)

        assert again is first
        assert len(cs.reviews) == 1

    def test_duplicate_id(self, cs: ct.ClaimSet) -> None:
        """Another record under a review's id is refused, with both named."""
        review_of(cs)
        before = cs.copy()

        with pytest.raises(ct.DuplicateIdError) as caught:
            review_of(cs, rating="True")
        with pytest.raises(ct.DuplicateIdError):
            cs.record_claim("r1", text="A claim named like a review")

        assert "review by 'checker' of 'c1'" in str(caught.value)
        assert cs == before

    def test_ids_are_shared_with_other_kinds(self, cs: ct.ClaimSet) -> None:
        """A review cannot take an id that another kind of record has."""
        with pytest.raises(ct.DuplicateIdError):
            review_of(cs, id="c2")


class TestQueries:
    def test_reviews_in_recording_order(self, cs: ct.ClaimSet) -> None:
        """The reviews property lists every review, in recording order."""
        second = review_of(cs, id="r2", claim="c2", reviewed=[])
        first = review_of(cs, id="r0")

        assert cs.reviews == (second, first)

    def test_reviews_for_follows_same_as(self, cs: ct.ClaimSet) -> None:
        """reviews_for includes the reviews of same_as claims."""
        english = review_of(cs)
        french = review_of(cs, id="r2", claim="c2", reviewed=[])
        cs.link("c1", "same_as", "c2")

        assert cs.reviews_for("c1") == (english, french)
        assert cs.reviews_for("c2") == (english, french)
        assert cs.reviews_about("c2") == (french,)
        assert cs.reviews_for("other") == ()

    def test_unknown_review_or_claim(self, cs: ct.ClaimSet) -> None:
        """Looking up an unknown review or claim raises UnknownReferenceError."""
        with pytest.raises(ct.UnknownReferenceError, match="review 'nope'"):
            cs.review("nope")
        with pytest.raises(ct.UnknownReferenceError, match="'post' is a st"):
            cs.review("post")
        with pytest.raises(ct.UnknownReferenceError):
            cs.reviews_for("ghost")
        with pytest.raises(ct.UnknownReferenceError):
            cs.reviews_about("ghost")


class TestClaimSetOperations:
    def test_iteration_and_length(self, cs: ct.ClaimSet) -> None:
        """Reviews are records: iterated, counted and looked up by id."""
        count = len(cs)
        review = review_of(cs)

        assert len(cs) == count + 1
        assert list(cs)[-1] is review
        assert cs.get("r1") is review

    def test_repr_counts_reviews_when_there_are_some(
        self, cs: ct.ClaimSet
    ) -> None:
        """The repr names reviews only when the set has some."""
        assert "reviews" not in repr(cs)

        review_of(cs)

        assert repr(cs).endswith("links=0, reviews=1)>")

    def test_equality_copy_and_merge(self, cs: ct.ClaimSet) -> None:
        """Reviews take part in equality, copy and merge."""
        other = cs.copy()
        review_of(cs)

        assert cs != other
        assert cs.copy() == cs
        other.merge(cs)
        assert other == cs

    def test_merge_conflict_names_the_rating(self, cs: ct.ClaimSet) -> None:
        """Two different reviews under one id are a merge conflict."""
        other = cs.copy()
        review_of(cs)
        review_of(other, rating=ct.Rating(label="False"))

        with pytest.raises(ct.MergeConflictError) as caught:
            cs.merge(other)

        (conflict,) = caught.value.conflicts
        assert conflict.id == "r1"
        assert conflict.differences["rating"] == (
            {"label": "Mostly false", "value": 2, "best": 5, "worst": 1}
            | {"verdict": "mixture"},
            {"label": "False", "verdict": "false"},
        )

    def test_record_many_accepts_forward_references(self) -> None:
        """A review may come before what it refers to in record_many."""
        cs = ct.ClaimSet()
        cs.record_many(
            [
                ct.Review(
                    id="r",
                    claim="c",
                    reviewer="x",
                    rating="False",
                    evidence=[("s", "refutes")],
                    reviewed=["s"],
                ),
                ct.Statement(id="s", claim="c", source="x"),
                ct.Claim(id="c", text="C"),
                ct.Source(id="x", name="X"),
            ]
        )

        assert cs.reviews_for("c")[0].id == "r"

    def test_validate_names_each_problem(self, cs: ct.ClaimSet) -> None:
        """The validate method lists every review problem with its field."""
        findings = cs.validate(
            [
                ct.Review(
                    id="r",
                    claim="ghost",
                    reviewer="checker",
                    rating="False",
                    evidence=[("figures", "refutes"), ("nope", "supports")],
                    reviewed=["elsewhere"],
                )
            ]
        )

        assert [(f.record, f.field) for f in findings] == [
            ("r", "claim"),
            ("r", "evidence[1].record"),
            ("r", "reviewed[0]"),
        ]
        assert "r" not in cs

    def test_record_accepts_a_prebuilt_review(self, cs: ct.ClaimSet) -> None:
        """record() records a Review built beforehand."""
        review = ct.Review(
            id="r", claim="c1", reviewer="checker", rating="Faux"
        )

        assert cs.record(review) is review

    def test_reviews_pickle(self, cs: ct.ClaimSet) -> None:
        """Reviews, ratings and evidence survive pickling."""
        review = review_of(cs)

        assert pickle.loads(pickle.dumps(review)) == review  # noqa: S301


class TestReport:
    def test_reviews_appear_beside_the_answer(self, cs: ct.ClaimSet) -> None:
        """The report lists the claim's reviews and explains each."""
        review = review_of(cs)

        report = cs.corroboration("c1")

        assert report.reviews == (review,)
        assert report.sources["checker"].name == "Example Check"
        lines = report.explain().splitlines()
        assert lines[-2:] == [
            "Reviews:",
            (
                "  r1: Example Check [checker] rated it 'Mostly false' (2 on "
                "a scale of 1 to 5) on 2025-03-04: verdict mixture; evidence: "
                "figures refutes."
            ),
        ]

    def test_no_reviews_no_section(self, cs: ct.ClaimSet) -> None:
        """Without reviews, the explanation has no Reviews section."""
        assert "Reviews:" not in cs.corroboration("c1").explain()

    def test_reviews_never_change_the_answer(self, cs: ct.ClaimSet) -> None:
        """Recording a review leaves the status and counts as they were."""
        before = cs.corroboration("c1")

        review_of(cs, rating="True")

        after = cs.corroboration("c1")
        assert summary(after) == summary(before)
        assert after.status is ct.EvidenceStatus.CONTESTED

    @given(cs=claim_sets())
    def test_reviews_never_change_any_answer(self, cs: ct.ClaimSet) -> None:
        """Removing every review changes no report but its reviews."""
        without = ct.ClaimSet()
        without.record_many(r for r in cs if not isinstance(r, ct.Review))

        for a, b in zip(cs.reports(), without.reports(), strict=True):
            assert summary(a) == summary(b)
            assert b.reviews == ()
            assert {r.id for r in a.reviews} == {
                r.id for r in cs.reviews_for(a.claim)
            }

    def test_as_of_leaves_out_later_reviews(self, cs: ct.ClaimSet) -> None:
        """A review published after as_of is not in that report."""
        review_of(cs)
        undated = review_of(cs, id="r0", date=None)

        assert cs.corroboration("c1", as_of="2025-03-03").reviews == (undated,)
        assert len(cs.corroboration("c1", as_of="2025-03-04").reviews) == 2

    def test_same_as_reviews_are_named_with_their_claim(
        self, cs: ct.ClaimSet
    ) -> None:
        """A review of a same_as wording says which wording it rated."""
        review_of(cs, id="r2", claim="c2", reviewed=[], evidence=[])
        cs.link("c1", "same_as", "c2")

        explained = cs.corroboration("c1").explain()

        assert "on 2025-03-04: verdict mixture (as claim 'c2')." in explained

    def test_reviews_are_oldest_first(self, cs: ct.ClaimSet) -> None:
        """Reviews are listed by date, undated ones first."""
        review_of(cs, id="late", date="2025-04")
        review_of(cs, id="early", date="2025-03-01T10:00:00+02:00")
        review_of(cs, id="undated", date=None)

        assert [r.id for r in cs.corroboration("c1").reviews] == [
            "undated",
            "early",
            "late",
        ]


class TestGenerated:
    @given(rating=ratings())
    def test_generated_ratings_describe_themselves(
        self, rating: ct.Rating
    ) -> None:
        """Every rating has a verdict and a non-empty description."""
        assert rating.verdict in set(ct.Verdict)
        assert rating.describe()

    @given(
        worst=st.integers(-10, 10),
        span=st.integers(1, 20),
        data=st.data(),
    )
    def test_position_verdicts_rise_with_the_value(
        self, worst: int, span: int, data: st.DataObject
    ) -> None:
        """A higher value on a scale never gives a less true verdict."""
        best = worst + span
        low = data.draw(st.integers(worst, best))
        high = data.draw(st.integers(low, best))
        order = [ct.Verdict.FALSE, ct.Verdict.MIXTURE, ct.Verdict.TRUE]

        lower = ct.verdict_of(None, value=low, best=best, worst=worst)
        higher = ct.verdict_of(None, value=high, best=best, worst=worst)

        assert order.index(lower) <= order.index(higher)
        assert ct.verdict_of(None, value=worst, best=best, worst=worst) == (
            "false"
        )
        assert ct.verdict_of(None, value=best, best=best, worst=worst) == (
            "true"
        )


class TestHugeNumbers:
    def test_rating_beyond_float(self) -> None:
        """A rating number beyond any float is refused, not overflowed."""
        with pytest.raises(ct.InvalidValueError, match="too large"):
            ct.Rating(value=10**400, best=5, worst=1)

    def test_verdict_of_huge_numbers(self) -> None:
        """verdict_of places huge integers without overflowing."""
        assert (
            ct.verdict_of(value=10**400, best=5, worst=1) is ct.Verdict.OTHER
        )
        assert (
            ct.verdict_of(value=1, best=10**400, worst=0) is ct.Verdict.FALSE
        )

    @pytest.mark.parametrize(
        "arguments", [{"value": "3"}, {"best": True}, {"label": 3}]
    )
    def test_verdict_of_wrong_types(self, arguments: dict[str, Any]) -> None:
        """verdict_of refuses what is not a label or a number."""
        with pytest.raises(ct.InvalidValueError):
            ct.verdict_of(**arguments)


class TestLoneSurrogates:
    @pytest.mark.parametrize("field", ["title", "summary", "url"])
    def test_refused_when_recorded(self, field: str) -> None:
        """A lone surrogate in a review's text is refused, naming the field."""
        with pytest.raises(ct.InvalidValueError, match=field):
            ct.Review(
                id="r",
                claim="c",
                reviewer="s",
                rating="False",
                **{field: "a\ud800"},
            )
