# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._corroboration`: the rule, clause by clause."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import weakref

import attrs
import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

import claimtrack as ct

from claimtrack import _carrier_ties as carrier_ties
from claimtrack import _corroboration as corroboration
from claimtrack._affiliations import independence
from claimtrack._date_classes import date_classes

from .strategies import (
    ASSOCIATION,
    CONTROL,
    claim_sets,
    hierarchies_with_origins,
    hierarchies_with_relays,
    optional_dates,
    record_lists,
    summary,
    tangled_hierarchies,
    times,
    validity,
)


def two_voices(*, related: bool = False) -> ct.ClaimSet:
    """Two outlets that both assert one claim, optionally tied."""
    cs = ct.ClaimSet()
    cs.record_source("a", name="Outlet A", reliability="B")
    cs.record_source("b", name="Outlet B")
    cs.record_claim("x", text="Something happened")
    if related:
        cs.link("a", "owned_by", "b")
    cs.record_statement("sa", claim="x", source="a", date="2025-06-01")
    cs.record_statement("sb", claim="x", source="b", date="2025-06-02")
    return cs


def groups(report: ct.CorroborationReport) -> list[set[str]]:
    """The asserting groups as sets of source ids."""
    return [set(group.sources) for group in report.asserting_groups]


class TestWorkedExample:
    def test_relay_adds_no_origin(self, convoy: ct.ClaimSet) -> None:
        """The outlet relaying the communiqué leaves one origin group."""
        report = convoy.corroboration("convoy")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert report.corroborated is False
        assert report.naive_source_count == 2
        assert groups(report) == [{"fama-gs"}]
        assert report.asserting_groups[0].carriers[0].id == "s2"

    def test_explain_names_the_relay(self, convoy: ct.ClaimSet) -> None:
        """The explanation says that the outlet relays s1 by fama-gs."""
        text = convoy.corroboration("convoy").explain()

        assert (
            "s2: The outlet [outlet] relays s1 by FAMa General Staff" in text
        )
        assert "adds no independent origin" in text
        assert "origin s1" in text

    def test_independent_gives_the_path(self, convoy: ct.ClaimSet) -> None:
        """The General Staff is tied to the AES through Mali's membership."""
        answer = convoy.independent("fama-gs", "aes", at="2025-06-04")

        assert not answer
        assert answer.path == ("fama-gs", "fama", "mali", "aes")
        assert answer.tie is ct.Tie.MEMBERSHIP
        assert [link.relation for link in answer.links] == [
            ct.Relation.PART_OF,
            ct.Relation.PART_OF,
            ct.Relation.MEMBER_OF,
        ]
        assert "since 2023-09-16" in answer.describe()

    def test_independent_before_membership(self, convoy: ct.ClaimSet) -> None:
        """Before Mali joined the AES, the two were independent."""
        answer = convoy.independent("fama-gs", "aes", at="2023-09-15")

        assert answer
        assert answer.path == ()

    def test_independent_accepts_keywords(self, convoy: ct.ClaimSet) -> None:
        """Every argument of the issue's calls works as a keyword."""
        answer = convoy.independent(a="fama-gs", b="outlet", at="2025-06-04")
        report = convoy.corroboration(claim="convoy", as_of="2025-06-05")

        assert answer
        assert report.naive_source_count == 2


class TestLiveStatements:
    def test_as_of_leaves_out_later_statements(self) -> None:
        """Statements dated after as_of are left out and listed."""
        cs = two_voices()

        report = cs.corroboration("x", as_of="2025-06-01")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert [s.id for s in report.not_yet] == ["sb"]
        assert "Not yet: sb" in report.explain()

    def test_same_day_counts(self) -> None:
        """A statement on the as_of day itself is live."""
        report = two_voices().corroboration("x", as_of="2025-06-02")

        assert report.status is ct.EvidenceStatus.CORROBORATED

    def test_undecidable_date_counts(self) -> None:
        """A month-precision date against a day in that month is live."""
        cs = two_voices()
        cs.record_source("c", name="C")
        cs.record_statement("sc", claim="x", source="c", date="2025-06")

        report = cs.corroboration("x", as_of="2025-06-01")

        assert {"c"} in groups(report)

    def test_undated_statement_counts(self) -> None:
        """A statement without a date is never "later" than as_of."""
        cs = two_voices()
        cs.record_source("c", name="C")
        cs.record_statement("sc", claim="x", source="c")

        report = cs.corroboration("x", as_of="2000")

        assert groups(report) == [{"c"}]

    def test_retraction_takes_effect_from_its_date(self) -> None:
        """A retraction counts only from its own date on."""
        cs = two_voices()
        cs.record_statement(
            "rb",
            claim="x",
            source="b",
            stance="retracts",
            target="sb",
            date="2025-06-10",
        )

        before = cs.corroboration("x", as_of="2025-06-09")
        after = cs.corroboration("x", as_of="2025-06-10")
        now = cs.corroboration("x")

        assert before.status is ct.EvidenceStatus.CORROBORATED
        assert after.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert now.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert [(s.id, r.id) for s, r in now.retracted] == [("sb", "rb")]
        assert "Retracted: sb" in now.explain()

    def test_retraction_claim_may_be_omitted(self) -> None:
        """A retraction without a claim takes its target's claim."""
        cs = two_voices()

        retraction = cs.record_statement(
            source="b", stance="retracts", target="sb"
        )

        assert retraction.claim == "x"
        assert retraction.id.startswith("stmt-")

    def test_same_as_class_counts(self) -> None:
        """Statements about any claim of the same_as class count."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("x", text="X")
        cs.record_claim("x2", text="X in other words")
        cs.record_claim("x3", text="X in a third wording")
        cs.link("x", "same_as", "x2")
        cs.link("x3", "same_as", "x2")
        cs.record_statement("sa", claim="x", source="a")
        cs.record_statement("sb", claim="x3", source="b")

        for claim in ("x", "x2", "x3"):
            report = cs.corroboration(claim)
            assert report.status is ct.EvidenceStatus.CORROBORATED
            assert report.claims == ("x", "x2", "x3")

    def test_contradicting_claim_is_not_counted(self) -> None:
        """Only same_as merges claims; contradicts and related do not."""
        cs = two_voices()
        cs.record_claim("y", text="Nothing happened")
        cs.link("x", "contradicts", "y")

        assert cs.corroboration("y").status is ct.EvidenceStatus.UNSUPPORTED


class TestOrigins:
    def test_chain_of_three_has_one_origin(self) -> None:
        """An outlet relaying an army citing an inquiry: one origin."""
        cs = ct.ClaimSet()
        for source in ("inquiry", "army", "outlet"):
            cs.record_source(source, name=source.title())
        cs.record_claim("x", text="X")
        cs.record_statement("s1", claim="x", source="inquiry")
        cs.record_statement(
            "s2", claim="x", source="army", derives_from=["s1"], via="cites"
        )
        cs.record_statement(
            "s3", claim="x", source="outlet", derives_from=["s2"], via="relays"
        )

        report = cs.corroboration("x")

        assert groups(report) == [{"inquiry"}]
        assert report.naive_source_count == 3
        assert [s.id for s in report.asserting_groups[0].carriers] == [
            "s2",
            "s3",
        ]

    def test_retracted_statement_blocks_the_path(self) -> None:
        """Relaying a statement its source withdrew reaches no origin."""
        cs = ct.ClaimSet()
        cs.record_source("army", name="Army")
        cs.record_source("outlet", name="Outlet")
        cs.record_claim("x", text="X")
        cs.record_statement("s1", claim="x", source="army", date="2025-01-01")
        cs.record_statement(
            "s2",
            claim="x",
            source="outlet",
            date="2025-01-02",
            derives_from=["s1"],
            via="relays",
        )
        cs.record_statement(
            "r1",
            claim="x",
            source="army",
            stance="retracts",
            target="s1",
            date="2025-01-03",
        )

        report = cs.corroboration("x")

        assert report.status is ct.EvidenceStatus.UNSUPPORTED
        assert report.credibility == 6
        assert [(b.statement, b.derives_from) for b in report.blocked] == [
            ("s2", "s1")
        ]
        assert "retracted by r1" in report.explain()
        assert (
            cs.corroboration("x", as_of="2025-01-02").status
            is ct.EvidenceStatus.SINGLE_ORIGIN
        )

    def test_relayed_denial_is_a_denial(self) -> None:
        """The origin's own stance counts, not the relaying statement's."""
        cs = two_voices()
        cs.record_source("c", name="C")
        cs.record_source("d", name="D")
        cs.record_statement("sc", claim="x", source="c", stance="denies")
        cs.record_statement(
            "sd",
            claim="x",
            source="d",
            stance="denies",
            derives_from=["sc"],
            via="relays",
        )

        report = cs.corroboration("x")

        assert report.status is ct.EvidenceStatus.CONTESTED
        assert [set(g.sources) for g in report.denying_groups] == [{"c"}]

    def test_origin_about_another_claim_is_followed(self) -> None:
        """A chain is followed onto another claim: its end is the origin."""
        cs = two_voices()
        cs.record_claim("y", text="Y")
        cs.record_statement(
            "sy", claim="y", source="a", derives_from=["sb"], via="cites"
        )

        report = cs.corroboration("y")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert report.blocked == ()
        (group,) = report.asserting_groups
        assert [o.id for o in group.origins] == ["sb"]
        assert report.claim_changes == (
            ct.ClaimChange("sy", "y", "sb", "x", "b"),
        )
        assert "sy on 'y' rests on sb on 'x', by Outlet B [b]" in (
            report.explain()
        )
        assert report.naive_source_count == 1

    def test_origin_about_a_same_as_claim_counts(self) -> None:
        """Once the two claims are linked same_as, the origin counts."""
        cs = two_voices()
        cs.record_claim("y", text="X, in other words")
        cs.record_statement(
            "sy", claim="y", source="a", derives_from=["sb"], via="cites"
        )
        cs.link("y", "same_as", "x")

        assert groups(cs.corroboration("y")) == [{"a"}, {"b"}]

    def test_statement_without_date_takes_its_documents(self) -> None:
        """An undated statement counts from its document's date on."""
        cs = two_voices()
        cs.record_source("c", name="C")
        cs.record_document("late", publisher="c", date="2025-06-10")
        cs.record_statement("sc", claim="x", source="c", document="late")

        early = cs.corroboration("x", as_of="2025-06-09")
        later = cs.corroboration("x", as_of="2025-06-10")

        assert [s.id for s in early.not_yet] == ["sc"]
        assert {"c"} in groups(later)
        assert cs.date_of(cs.statement("sc")) == ct.PartialDate.parse(
            "2025-06-10"
        )

    def test_generator_derives_from(self) -> None:
        """A one-pass iterable for derives_from is read once, fully."""
        cs = two_voices()
        cs.record_source("c", name="C")

        relay = cs.record_statement(
            "sc",
            claim="x",
            source="c",
            derives_from=iter(["sa"]),
            via="relays",
        )

        assert relay.derives_from == ("sa",)
        assert groups(cs.corroboration("x")) == [{"a"}, {"b"}]

    def test_reason_counts_only_carriers_of_the_group(self) -> None:
        """Sources relaying a retracted statement are not said to pass it on."""
        cs = ct.ClaimSet()
        for source in ("army", "outlet", "wire"):
            cs.record_source(source, name=source.title())
        cs.record_claim("x", text="X")
        cs.record_statement("s1", claim="x", source="army", date="2025-01-01")
        cs.record_statement(
            "s2", claim="x", source="outlet", derives_from=["s1"], via="relays"
        )
        cs.record_statement("s3", claim="x", source="wire")
        cs.record_statement(
            "r1", claim="x", source="army", stance="retracts", target="s1"
        )

        report = cs.corroboration("x")

        assert report.reason == "one voice: Wire [wire]"

    def test_long_relay_chain(self) -> None:
        """A 5,000-deep relay chain is walked without recursion."""
        cs = ct.ClaimSet()
        cs.record_source("origin", name="Origin")
        cs.record_source("relay", name="Relay")
        cs.record_claim("x", text="X")
        cs.record_statement("s0", claim="x", source="origin")
        for i in range(1, 5001):
            cs.record_statement(
                f"s{i}",
                claim="x",
                source="relay",
                derives_from=[f"s{i - 1}"],
                via="relays",
            )

        report = cs.corroboration("x")

        assert groups(report) == [{"origin"}]
        assert len(report.asserting_groups[0].carriers) == 5000
        assert report.asserting_groups[0].carriers[-1].id == "s5000"


class TestDependence:
    def test_same_as_sources_are_one(self) -> None:
        """Two records for one source count once."""
        cs = two_voices()
        cs.link("a", "same_as", "b")

        report = cs.corroboration("x")

        assert groups(report) == [{"a", "b"}]
        assert report.naive_source_count == 1

    def test_common_control(self) -> None:
        """Two units of one ministry are one voice."""
        cs = two_voices()
        cs.record_source("ministry", name="Ministry")
        cs.link("a", "part_of", "ministry")
        cs.link("b", "controlled_by", "ministry")

        report = cs.corroboration("x")

        assert groups(report) == [{"a", "b"}]
        tie = report.asserting_groups[0].ties[0]
        assert tie.tie is ct.Tie.COMMON_CONTROL
        assert tie.path == ("a", "ministry", "b")

    def test_co_members_are_independent(self) -> None:
        """Two members of one alliance are not one voice by that alone."""
        cs = two_voices()
        cs.record_source("un", name="United Nations")
        cs.link("a", "member_of", "un")
        cs.link("b", "member_of", "un")

        assert cs.corroboration("x").status is ct.EvidenceStatus.CORROBORATED
        assert cs.independent("a", "b")

    def test_member_depends_on_organisation(self) -> None:
        """A member is not independent of the organisation itself."""
        cs = two_voices()
        cs.link("a", "member_of", "b")

        assert cs.corroboration("x").status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert cs.independent("a", "b").tie is ct.Tie.MEMBERSHIP

    def test_membership_closed_upward(self) -> None:
        """Belonging reaches what the organisation itself answers to."""
        cs = two_voices()
        cs.record_source("alliance", name="Alliance")
        cs.record_source("bloc", name="Bloc")
        cs.link("a", "member_of", "alliance")
        cs.link("alliance", "member_of", "bloc")
        cs.link("b", "part_of", "bloc")

        answer = cs.independent("a", "b")

        assert not answer
        assert answer.path == ("a", "alliance", "bloc", "b")

    def test_funding_ties(self) -> None:
        """A funded outlet is not independent of its funder."""
        cs = two_voices()
        cs.link("a", "funded_by", "b", valid_from="2025")

        assert cs.corroboration("x").status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert cs.independent("a", "b", at="2024-12-31")

    def test_copying_ties(self) -> None:
        """A source known to copy another is one voice with it."""
        cs = two_voices()
        cs.link("b", "copies_from", "a")

        report = cs.corroboration("x")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        (group,) = report.asserting_groups
        assert [o.id for o in group.origins] == ["sa"]
        assert [c.id for c in group.carriers] == ["sb"]

    def test_copying_ties_when_the_copy_came_first(self) -> None:
        """Without an earlier statement to copy, the tie still joins them."""
        cs = two_voices()
        cs.link("a", "copies_from", "b")

        report = cs.corroboration("x")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert report.asserting_groups[0].ties[0].tie is ct.Tie.COPYING

    def test_copying_reaches_the_copied_sources_owner(self) -> None:
        """Copying a desk of an agency is copying the agency."""
        cs = two_voices()
        cs.record_source("desk", name="Agency desk")
        cs.link("desk", "part_of", "a")
        cs.link("b", "copies_from", "desk")

        assert not cs.independent("a", "b")

    def test_dependence_is_transitive_in_groups(self) -> None:
        """With x-O and O-y dependent, x, O and y form one group."""
        cs = two_voices()
        cs.record_source("org", name="Organisation")
        cs.record_statement("so", claim="x", source="org")
        cs.link("a", "member_of", "org")
        cs.link("b", "member_of", "org")

        report = cs.corroboration("x")

        assert groups(report) == [{"a", "b", "org"}]
        assert cs.independent("a", "b")
        assert len(report.asserting_groups[0].ties) == 2

    def test_origin_source_evaluated_at_origin_date(self) -> None:
        """A tie that starts after the origin's date does not merge it."""
        cs = two_voices()
        cs.link("a", "owned_by", "b", valid_from="2025-06-02")

        report = cs.corroboration("x")

        # sa (2025-06-01) predates the ownership; sb is b itself.
        assert report.status is ct.EvidenceStatus.CORROBORATED

    def test_tie_that_ended_does_not_merge(self) -> None:
        """Validity is half-open: the end date itself is outside."""
        cs = two_voices()
        cs.link("a", "owned_by", "b", valid_to="2025-06-01")

        assert cs.corroboration("x").status is ct.EvidenceStatus.CORROBORATED
        assert not cs.independent("a", "b", at="2025-05-31")
        assert cs.independent("a", "b", at="2025-06-01")

    def test_undecidable_tie_merges(self) -> None:
        """A tie that may hold at a coarse date counts (conservative)."""
        cs = two_voices()
        cs.link("a", "owned_by", "b", valid_from="2025-06-15")

        assert not cs.independent("a", "b", at="2025-06")
        assert cs.independent("a", "b", at="2025-06-14")

    def test_cache_is_invalidated_by_new_links(self) -> None:
        """A link recorded after a query changes the next answer."""
        cs = two_voices()
        assert cs.corroboration("x").status is ct.EvidenceStatus.CORROBORATED

        cs.link("a", "speaks_for", "b")

        assert cs.corroboration("x").status is ct.EvidenceStatus.SINGLE_ORIGIN

    def test_cache_is_invalidated_by_same_as(self) -> None:
        """A same_as recorded after a query merges the two sources."""
        cs = two_voices()
        cs.record_source("parent", name="Parent")
        cs.link("b", "part_of", "parent")
        assert cs.independent("a", "b")

        cs.link("a", "same_as", "parent")

        assert not cs.independent("a", "b")

    def test_deep_affiliation_chain(self) -> None:
        """A 5,000-deep chain of units is walked without recursion."""
        cs = two_voices()
        previous = "b"
        for i in range(5000):
            cs.record_source(f"unit{i}", name=f"Unit {i}")
            cs.link(previous, "part_of", f"unit{i}")
            previous = f"unit{i}"
        cs.link("a", "part_of", previous)

        answer = cs.independent("a", "b")

        assert not answer
        assert len(answer.path) == 5002


class TestStatus:
    def test_unsupported_without_statements(self) -> None:
        """A claim nobody speaks to is unsupported, credibility 6."""
        cs = ct.ClaimSet()
        cs.record_claim("x", text="X")

        report = cs.corroboration("x")

        assert report.status is ct.EvidenceStatus.UNSUPPORTED
        assert report.credibility == 6
        assert report.reason == "no statement asserts or denies it"

    def test_denied(self) -> None:
        """Only denials: denied, credibility 5."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_claim("x", text="X")
        cs.record_statement("s", claim="x", source="a", stance="denies")

        report = cs.corroboration("x")

        assert report.status is ct.EvidenceStatus.DENIED
        assert report.credibility == 5
        assert report.naive_source_count == 0

    @pytest.mark.parametrize(
        ("asserting", "denying", "status", "credibility"),
        [
            (1, 0, ct.EvidenceStatus.SINGLE_ORIGIN, 3),
            (2, 0, ct.EvidenceStatus.CORROBORATED, 1),
            (3, 0, ct.EvidenceStatus.CORROBORATED, 1),
            (2, 1, ct.EvidenceStatus.CONTESTED, 3),
            (1, 1, ct.EvidenceStatus.CONTESTED, 4),
            (1, 2, ct.EvidenceStatus.CONTESTED, 4),
            (0, 2, ct.EvidenceStatus.DENIED, 5),
            (0, 0, ct.EvidenceStatus.UNSUPPORTED, 6),
        ],
    )
    def test_status_and_credibility(
        self,
        asserting: int,
        denying: int,
        status: ct.EvidenceStatus,
        credibility: int,
    ) -> None:
        """Independent asserting and denying groups decide both."""
        cs = ct.ClaimSet()
        cs.record_claim("x", text="X")
        for i in range(asserting + denying):
            cs.record_source(f"src{i}", name=f"Source {i}")
            cs.record_statement(
                f"s{i}",
                claim="x",
                source=f"src{i}",
                stance="asserts" if i < asserting else "denies",
            )

        report = cs.corroboration("x")

        assert report.status is status
        assert report.credibility == credibility
        assert report.corroborated is (asserting >= 2)
        assert cs.is_corroborated("x") is (asserting >= 2)
        assert ct.credibility_of(asserting, denying) == credibility

    def test_report_codes(self) -> None:
        """Each asserting origin gets its letter (F if unrated) and number."""
        report = two_voices().corroboration("x")

        assert report.report_codes == {"sa": "B1", "sb": "F1"}

    def test_reliability_never_changes_credibility(self) -> None:
        """Rating a source changes its letter, never the number."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A", reliability="E")
        cs.record_claim("x", text="X")
        cs.record_statement("s", claim="x", source="a")

        report = cs.corroboration("x")

        assert report.credibility == 3
        assert report.report_codes == {"s": "E3"}

    def test_naive_count_merges_same_as_and_counts_relays(self) -> None:
        """Relays count in the naive number; same_as twins count once."""
        cs = two_voices(related=True)
        cs.record_source("a2", name="Outlet A again")
        cs.link("a2", "same_as", "a")
        cs.record_source("c", name="C")
        cs.record_statement(
            "s3", claim="x", source="a2", derives_from=["sb"], via="relays"
        )
        cs.record_statement(
            "s4", claim="x", source="c", derives_from=["sb"], via="relays"
        )

        report = cs.corroboration("x")

        assert report.naive_source_count == 3
        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN


class TestPolicy:
    @pytest.mark.parametrize("ids", [["\ud800"], [None], [["a"]], [""]])
    @pytest.mark.parametrize("field", ["one_voice", "arms_length"])
    def test_source_ids_are_checked_before_use(
        self, field: str, ids: list[object]
    ) -> None:
        """Policy source ids: plain, non-empty, savable strings only."""
        with pytest.raises(ct.InvalidValueError, match=field):
            ct.CorroborationPolicy(**{field: ids})  # type: ignore[arg-type]

    def test_minimum(self) -> None:
        """is_corroborated honours a higher minimum."""
        cs = two_voices()

        assert cs.is_corroborated("x")
        assert not cs.is_corroborated("x", minimum=3)
        assert cs.is_corroborated("x", minimum=1)

    def test_minimum_three_gives_insufficient(self) -> None:
        """Two groups under a minimum of three: insufficient, not corroborated."""
        policy = ct.CorroborationPolicy(minimum=3)

        report = two_voices().corroboration("x", policy=policy)

        assert report.status is ct.EvidenceStatus.INSUFFICIENT
        assert not report.corroborated
        assert report.credibility == 1  # two independent groups confirm it

    def test_minimum_one(self) -> None:
        """With a minimum of one, one group corroborates; credibility stays 3."""
        cs = two_voices()
        policy = ct.CorroborationPolicy(minimum=1)
        cs.record_claim("y", text="Y")
        cs.record_statement("sy", claim="y", source="a")

        report = cs.corroboration("y", policy=policy)

        assert report.status is ct.EvidenceStatus.CORROBORATED
        assert report.credibility == 3
        assert report.report_codes == {"sy": "B3"}

    def test_one_voice_merges_members(self) -> None:
        """Members of an organisation named one_voice are one group."""
        cs = two_voices()
        cs.record_source("aes", name="AES")
        cs.link("a", "member_of", "aes")
        cs.link("b", "member_of", "aes")
        policy = ct.CorroborationPolicy(one_voice=["aes"])

        report = cs.corroboration("x", policy=policy)

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert cs.corroboration("x").status is ct.EvidenceStatus.CORROBORATED

    def test_funding_as_control(self) -> None:
        """Moving funded_by into control makes co-funded outlets one voice."""
        cs = two_voices()
        cs.record_source("donor", name="Donor")
        cs.link("a", "funded_by", "donor")
        cs.link("b", "funded_by", "donor")
        policy = ct.CorroborationPolicy(
            control=["part_of", "controlled_by", "funded_by"],
            association=["member_of"],
        )

        assert cs.corroboration("x").status is ct.EvidenceStatus.CORROBORATED
        assert (
            cs.corroboration("x", policy=policy).status
            is ct.EvidenceStatus.SINGLE_ORIGIN
        )

    def test_set_policy_is_the_default(self) -> None:
        """A claim set's own policy applies when none is passed."""
        cs = ct.ClaimSet(policy=ct.CorroborationPolicy(minimum=3))
        cs.record_many(two_voices())

        assert cs.corroboration("x").status is ct.EvidenceStatus.INSUFFICIENT

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"minimum": 0},
            {"control": ["part_of"], "association": ["part_of"]},
            {"control": ["same_as"]},
            {"copying": ["contradicts"]},
            {"association": ["no_such_relation"]},
        ],
    )
    def test_bad_policies(self, kwargs: dict[str, object]) -> None:
        """A policy that makes no sense is refused."""
        with pytest.raises(ct.InvalidValueError):
            ct.CorroborationPolicy(**kwargs)  # type: ignore[arg-type]


class TestReports:
    def test_reports_every_claim(self, convoy: ct.ClaimSet) -> None:
        """reports() answers for every claim, in id order."""
        convoy.record_claim("another", text="Another claim")

        reports = convoy.reports()

        assert [r.claim for r in reports] == ["another", "convoy"]
        assert reports[0].status is ct.EvidenceStatus.UNSUPPORTED

    def test_unknown_claim(self, convoy: ct.ClaimSet) -> None:
        """Asking about an unknown claim names it."""
        with pytest.raises(ct.UnknownReferenceError, match="'nope'"):
            convoy.corroboration("nope")

    def test_unknown_source(self, convoy: ct.ClaimSet) -> None:
        """independent() refuses unknown sources, and claims as sources."""
        with pytest.raises(ct.UnknownReferenceError, match="'nope'"):
            convoy.independent("fama", "nope")
        with pytest.raises(ct.UnknownReferenceError, match="is a claim"):
            convoy.independent("fama", "convoy")


def counts(cs: ct.ClaimSet) -> dict[str, tuple[int, int]]:
    """Asserting and denying group counts for every claim."""
    return {
        r.claim: (len(r.asserting_groups), len(r.denying_groups))
        for r in cs.reports()
    }


class TestProperties:
    @given(records=record_lists(), data=st.data())
    def test_recording_order_changes_nothing(
        self, records: list[ct.Record], data: st.DataObject
    ) -> None:
        """Any order of recording gives the same answers and explanations."""
        shuffled = data.draw(st.permutations(records))
        first, second = ct.ClaimSet(), ct.ClaimSet()
        first.record_many(records)
        second.record_many(shuffled)

        assert first == second
        for a, b in zip(first.reports(), second.reports(), strict=True):
            assert summary(a) == summary(b)
            assert a.explain() == b.explain()

    @given(records=record_lists(), data=st.data())
    def test_one_by_one_equals_bulk(
        self, records: list[ct.Record], data: st.DataObject
    ) -> None:
        """Recording one at a time in a valid order equals record_many."""
        bulk, single = ct.ClaimSet(), ct.ClaimSet()
        bulk.record_many(records)
        for record in records:
            single.record(record)

        assert bulk == single
        as_of = data.draw(optional_dates)
        for a, b in zip(
            bulk.reports(as_of=as_of), single.reports(as_of=as_of), strict=True
        ):
            assert summary(a) == summary(b)

    @given(records=record_lists(), data=st.data())
    def test_questions_between_records_change_no_answer(
        self, records: list[ct.Record], data: st.DataObject
    ) -> None:
        """Answers cached while a set grows are forgotten when they change."""
        dates = data.draw(st.lists(optional_dates, min_size=1, max_size=3))
        growing = ct.ClaimSet()
        for record in records:
            growing.record(record)
            for when in dates:
                growing.reports(as_of=when)
        bulk = ct.ClaimSet()
        bulk.record_many(records)

        for when in dates:
            assert growing.reports(as_of=when) == bulk.reports(as_of=when)

    @given(cs=claim_sets(), data=st.data())
    def test_earlier_questions_change_no_answer(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """Answers at one date owe nothing to questions asked at others."""
        sources = [source.id for source in cs.sources]
        for when in data.draw(st.lists(optional_dates, min_size=2)):
            fresh = cs.copy()  # with nothing cached
            for a, b in zip(
                cs.reports(as_of=when),
                fresh.reports(as_of=when),
                strict=True,
            ):
                assert summary(a) == summary(b)
                assert a.explain() == b.explain()
            for one in sources:
                for other in sources:
                    assert cs.independent(one, other, at=when) == (
                        fresh.independent(one, other, at=when)
                    )

    @given(cs=claim_sets(), data=st.data())
    def test_relay_never_adds_a_group(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """Relaying a statement about its own claim adds no group."""
        candidates = [
            s for s in cs.statements if s.stance is not ct.Stance.RETRACTS
        ]
        assume(candidates)
        relayed = data.draw(st.sampled_from(candidates))
        # An existing source may be copied by others, whose statements
        # would then derive from the relay too: that is the copying
        # rule's business, tested below.
        relay_source = data.draw(
            st.sampled_from([s.id for s in cs.sources] + ["fresh"])
        )
        if relay_source == "fresh":
            cs.record_source("fresh", name="A fresh outlet")
        assume(
            not any(
                link.relation is ct.Relation.COPIES_FROM
                for link in cs.links_of(relay_source)
            )
        )
        before = counts(cs)

        cs.record_statement(
            "new-relay",
            claim=relayed.claim,
            source=relay_source,
            date=cs.date_of(relayed),
            derives_from=[relayed.id],
            via=data.draw(st.sampled_from(list(ct.Via))),
        )

        assert counts(cs) == before

    @given(cs=claim_sets(), data=st.data())
    def test_dependency_link_never_adds_a_group(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """A new affiliation can merge groups, never split them."""
        subject = data.draw(st.sampled_from(cs.sources)).id
        obj = data.draw(st.sampled_from(cs.sources)).id
        assume(subject != obj)
        # Not copies_from: a copying link turns statements into copies,
        # and can also close a cycle of copies, whose statements the rule
        # then counts as origins again (see the concepts page).
        relation = data.draw(
            st.sampled_from([*CONTROL, *ASSOCIATION, "same_as"])
        )
        start, end = (
            (None, None) if relation == "same_as" else data.draw(validity())
        )
        before = counts(cs)

        try:
            cs.link(subject, relation, obj, valid_from=start, valid_to=end)
        except ct.AffiliationCycleError:
            assume(False)

        after = counts(cs)
        for claim, (asserting, denying) in before.items():
            assert after[claim][0] <= asserting
            assert after[claim][1] <= denying

    @given(cs=claim_sets(), data=st.data())
    def test_independent_assertion_never_removes_a_group(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """A new, unaffiliated source's assertion adds exactly one group."""
        claim = data.draw(st.sampled_from(cs.claims)).id
        before = counts(cs)
        cs.record_source("newcomer", name="An independent newcomer")

        cs.record_statement("new-origin", claim=claim, source="newcomer")

        after = counts(cs)
        in_class = set(cs.claim_class(claim))
        for other, (asserting, denying) in before.items():
            expected = asserting + 1 if other in in_class else asserting
            assert after[other] == (expected, denying)

    @given(cs=claim_sets())
    def test_report_invariants(self, cs: ct.ClaimSet) -> None:
        """Groups partition the origins; counts and codes agree."""
        for report in cs.reports():
            # Through chains that change the claim, one origin may be
            # counted once with each stance, never twice with one.
            origins = [
                (o.id, g.stance)
                for g in (*report.asserting_groups, *report.denying_groups)
                for o in g.origins
            ]
            assert len(origins) == len(set(origins))
            for g in (*report.asserting_groups, *report.denying_groups):
                assert all(
                    o.stance is g.stance
                    for o in g.origins
                    if o.claim in report.claims
                )
            assert set(report.report_codes) == {
                o.id for g in report.asserting_groups for o in g.origins
            }
            asserting = {
                s.source
                for s in report.statements
                if s.stance is ct.Stance.ASSERTS
            }
            assert report.naive_source_count == len(
                {cs.canonical_source(s) for s in asserting}
            )
            assert report.corroborated == cs.is_corroborated(report.claim)
            assert report.explain().startswith(f"Claim {report.claim!r}")
            for group in report.asserting_groups:
                assert all(not o.derives_from for o in group.origins)


class TestCombined:
    def test_aggregator_of_independent_origins(self) -> None:
        """A report citing two independent origins is filed once, combined."""
        cs = two_voices()
        cs.record_source("wire", name="Wire")
        cs.record_statement(
            "digest",
            claim="x",
            source="wire",
            derives_from=["sa", "sb"],
            via="cites",
        )
        cs.record_statement(
            "echo",
            claim="x",
            source="wire",
            derives_from=["digest"],
            via="relays",
        )

        report = cs.corroboration("x")

        assert groups(report) == [{"a"}, {"b"}]
        assert [s.id for s in report.combined] == ["digest", "echo"]
        assert all(not g.carriers for g in report.asserting_groups)
        assert "Combines groups: digest: Wire [wire] cites sa, sb" in (
            report.explain()
        )

    def test_wide_fan_in(self) -> None:
        """Thousands of origins cited by one statement, then relayed, work."""
        records: list[ct.Record] = [
            ct.Source(id="army", name="Army"),
            ct.Claim(id="x", text="X"),
        ]
        size = 3000
        for i in range(size):
            records.append(ct.Source(id=f"u{i}", name=f"Unit {i}"))
            records.append(ct.Statement(id=f"s{i}", claim="x", source=f"u{i}"))
        records.append(
            ct.Statement(
                id="agg",
                claim="x",
                source="army",
                derives_from=[f"s{i}" for i in range(size)],
                via="cites",
            )
        )
        cs = ct.ClaimSet()
        cs.record_many(records)

        report = cs.corroboration("x")

        assert len(report.asserting_groups) == size
        assert [s.id for s in report.combined] == ["agg"]


class TestTiePaths:
    def test_membership_path_when_also_copied(self) -> None:
        """A node both joined and copied is explained by the tie found."""
        cs = two_voices()
        cs.record_source("org", name="Organisation")
        cs.record_source("desk", name="Desk")
        cs.link("a", "member_of", "org")
        cs.link("a", "copies_from", "desk")
        cs.link("desk", "part_of", "org")
        cs.link("b", "part_of", "org")

        answer = cs.independent("a", "b")

        assert answer.tie is ct.Tie.MEMBERSHIP
        assert [link.relation for link in answer.links] == [
            ct.Relation.MEMBER_OF,
            ct.Relation.PART_OF,
        ]


class TestArguments:
    @pytest.mark.parametrize("policy", ["strict", 5, None.__class__])
    def test_policy_must_be_a_policy(self, policy: object) -> None:
        """Anything but a CorroborationPolicy is refused, naming it."""
        cs = two_voices()

        with pytest.raises(ct.InvalidValueError, match="policy"):
            ct.ClaimSet(policy=policy)  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError, match="policy"):
            cs.corroboration("x", policy=policy)  # type: ignore[arg-type]
        with pytest.raises(ct.InvalidValueError, match="policy"):
            cs.independent("a", "b", policy=policy)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"control": 5},
            {"one_voice": 5},
            {"one_voice": [5]},
            {"copying": "copies_from"},
        ],
    )
    def test_policy_fields_must_be_lists(
        self, kwargs: dict[str, object]
    ) -> None:
        """Policy fields take lists; anything else is an InvalidValueError."""
        with pytest.raises(ct.InvalidValueError):
            ct.CorroborationPolicy(**kwargs)  # type: ignore[arg-type]

    def test_record_many_needs_an_iterable(self) -> None:
        """record_many(5) is an InvalidValueError, not a TypeError."""
        with pytest.raises(ct.InvalidValueError, match="iterable"):
            ct.ClaimSet().record_many(5)  # type: ignore[arg-type]

    def test_derives_from_must_be_ids(self) -> None:
        """A number for derives_from is refused cleanly; nothing changes."""
        cs = two_voices()
        before = cs.copy()

        with pytest.raises(ct.InvalidValueError):
            cs.record_statement(claim="x", source="a", derives_from=5)  # type: ignore[arg-type]

        assert cs == before


def relay_chain() -> ct.ClaimSet:
    """Z asserts c, Y relays Z, and X asserts c on its own, later."""
    cs = ct.ClaimSet()
    for source in ("x", "y", "z"):
        cs.record_source(source, name=source.upper())
    cs.record_claim("c", text="Something happened")
    cs.record_statement("s1", claim="c", source="z", date="2025-06-01")
    cs.record_statement(
        "s2",
        claim="c",
        source="y",
        date="2025-06-02",
        derives_from=["s1"],
        via="relays",
    )
    cs.record_statement("s3", claim="c", source="x", date="2025-06-03")
    return cs


class TestStatementLevelCopying:
    """A copier's statement derives from the copied source's statements."""

    def test_copier_of_a_relay_is_the_relayed_voice(self) -> None:
        """X copies Y, Y relays Z: one voice, Z's (corroborated before)."""
        cs = relay_chain()
        assert cs.corroboration("c").corroborated
        cs.link("x", "copies_from", "y")

        report = cs.corroboration("c")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert groups(report) == [{"z"}]
        carriers = [c.id for c in report.asserting_groups[0].carriers]
        assert carriers == ["s2", "s3"]
        (derivation,) = report.derivations["s3"]
        assert (derivation.parent, derivation.via) == ("s2", "copies")
        assert "s3: X [x] copies s2 (x copies_from y)" in report.explain()

    def test_only_the_same_stance(self) -> None:
        """A copier denying what the copied source asserts copies nothing."""
        cs = relay_chain()
        cs.record_statement(
            "s4", claim="c", source="x", stance="denies", date="2025-06-04"
        )
        cs.link("x", "copies_from", "y")

        report = cs.corroboration("c")

        assert report.contested
        assert [set(g.sources) for g in report.denying_groups] == [{"x"}]

    def test_not_from_a_later_statement(self) -> None:
        """What the copied source said afterwards cannot have been copied."""
        cs = relay_chain()
        cs.link("z", "copies_from", "x")

        assert cs.implied_derivations() == ()
        report = cs.corroboration("c")
        # The tie between the sources still joins them.
        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert report.asserting_groups[0].ties[0].tie is ct.Tie.COPYING

    def test_within_a_same_as_class_of_claims(self) -> None:
        """The copied statement may be about a claim same_as the copier's."""
        cs = relay_chain()
        cs.record_claim("c2", text="It happened, in other words")
        cs.link("c2", "same_as", "c")
        cs.record_statement("s5", claim="c2", source="x", date="2025-06-05")
        cs.link("x", "copies_from", "y")

        (derivation, *_) = [
            d for d in cs.implied_derivations() if d.statement == "s5"
        ]
        assert derivation.parent == "s2"

    def test_a_copying_link_that_no_longer_holds(self) -> None:
        """A copy relation over by the statement's date implies nothing."""
        cs = relay_chain()
        cs.link("x", "copies_from", "y", valid_to="2025-06-03")

        assert cs.implied_derivations() == ()

    def test_mutual_copies_on_one_date_stay_origins(self) -> None:
        """Two sources copying each other, same day: both stay origins."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("c", text="C")
        cs.record_statement("sa", claim="c", source="a", date="2025-06-01")
        cs.record_statement("sb", claim="c", source="b", date="2025-06-01")
        cs.link("a", "copies_from", "b")
        cs.link("b", "copies_from", "a")

        assert cs.implied_derivations() == ()
        report = cs.corroboration("c")
        (group,) = report.asserting_groups
        assert [o.id for o in group.origins] == ["sa", "sb"]
        assert group.ties[0].tie is ct.Tie.COPYING

    def test_never_with_itself(self) -> None:
        """A source same_as its copied source copies nothing from itself."""
        cs = relay_chain()
        cs.record_source("x2", name="X again")
        cs.link("x2", "same_as", "x")
        cs.record_statement("s6", claim="c", source="x2", date="2025-06-09")
        cs.link("x", "copies_from", "x2")

        assert [d.statement for d in cs.implied_derivations()] == []

    def test_a_copied_statement_retracted(self) -> None:
        """Copying a statement later retracted leaves nothing that counts."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("c", text="C")
        cs.record_statement("sa", claim="c", source="a", date="2025-06-01")
        cs.record_statement("sb", claim="c", source="b", date="2025-06-02")
        cs.link("b", "copies_from", "a")
        cs.record_statement(
            "ra", source="a", stance="retracts", target="sa", date="2025-06-03"
        )

        report = cs.corroboration("c")
        assert report.status is ct.EvidenceStatus.UNSUPPORTED
        assert [(b.statement, b.derives_from) for b in report.blocked] == [
            ("sb", "sa")
        ]
        before = cs.corroboration("c", as_of="2025-06-02")
        assert before.status is ct.EvidenceStatus.SINGLE_ORIGIN


def citing_articles() -> ct.ClaimSet:
    """A communiqué and an article that cites it, both asserting c."""
    cs = ct.ClaimSet()
    cs.record_source("army", name="Army")
    cs.record_source("outlet", name="Outlet")
    cs.record_claim("c", text="C")
    cs.record_document("d1", publisher="army", date="2025-06-04")
    cs.record_document(
        "d2", publisher="outlet", date="2025-06-05", cites=["d1"]
    )
    cs.record_statement("s1", claim="c", source="army", document="d1")
    cs.record_statement("s2", claim="c", source="outlet", document="d2")
    return cs


class TestDocumentCitations:
    """A statement in a citing document derives from the cited one's."""

    def test_citation_is_one_voice(self) -> None:
        """The article citing the communiqué adds no origin."""
        report = citing_articles().corroboration("c")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert groups(report) == [{"army"}]
        assert (
            "s2: Outlet [outlet] derives from s1 through the citation "
            "of document d1" in report.explain()
        )

    def test_declared_parents_win(self) -> None:
        """A statement that declares its parents is taken at its word."""
        cs = citing_articles()
        cs.record_source("wire", name="Wire")
        cs.record_statement("s0", claim="c", source="wire", date="2025-06-01")
        cs.record_statement(
            "s3",
            claim="c",
            source="outlet",
            document="d2",
            derives_from=["s0"],
        )

        derived = {d.statement for d in cs.implied_derivations()}
        assert derived == {"s2"}
        assert groups(cs.corroboration("c")) == [{"wire"}, {"army"}]

    def test_other_claims_and_stances_are_not_taken(self) -> None:
        """Only statements on the same claim class with the same stance."""
        cs = citing_articles()
        cs.record_claim("other", text="Other")
        cs.record_statement("s4", claim="other", source="army", document="d1")
        cs.record_statement(
            "s5", claim="c", source="outlet", stance="denies", document="d2"
        )

        assert [(d.statement, d.parent) for d in cs.implied_derivations()] == [
            ("s2", "s1")
        ]

    def test_not_directly_cited(self) -> None:
        """Only documents cited directly count, not citations of citations."""
        cs = citing_articles()
        cs.record_source("blog", name="Blog")
        cs.record_document(
            "d3", publisher="blog", date="2025-06-06", cites=["d2"]
        )
        cs.record_statement("s6", claim="c", source="blog", document="d3")

        parents = {d.statement: d.parent for d in cs.implied_derivations()}
        assert parents == {"s2": "s1", "s6": "s2"}
        assert groups(cs.corroboration("c")) == [{"army"}]

    def test_as_of_before_the_citing_document(self) -> None:
        """Before the article appeared, only the communiqué counts."""
        report = citing_articles().corroboration("c", as_of="2025-06-04")

        assert [s.id for s in report.statements] == ["s1"]


class TestChainsAcrossClaims:
    """derives_from is followed whatever claim the statements are about."""

    @staticmethod
    def agencies() -> ct.ClaimSet:
        """SISMI on Niger; the CIA and MI6 on Africa, resting on it."""
        cs = ct.ClaimSet()
        for source in ("sismi", "cia", "mi6", "iaea"):
            cs.record_source(source, name=source.upper())
        cs.record_claim("niger", text="Iraq sought uranium from Niger")
        cs.record_claim("africa", text="Iraq sought uranium from Africa")
        cs.record_statement(
            "s1", claim="niger", source="sismi", date="2001-10-15"
        )
        cs.record_statement(
            "s2",
            claim="africa",
            source="cia",
            date="2002-10-01",
            derives_from=["s1"],
            via="relays",
        )
        cs.record_statement(
            "s3",
            claim="africa",
            source="mi6",
            date="2002-09-24",
            derives_from=["s1"],
            via="cites",
        )
        return cs

    def test_two_agencies_on_one_report_are_one_voice(self) -> None:
        """CIA and MI6 resting on SISMI's Niger report: SISMI's voice."""
        report = self.agencies().corroboration("africa")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        (group,) = report.asserting_groups
        assert [o.id for o in group.origins] == ["s1"]
        assert group.sources == {"sismi"}
        text = report.explain()
        assert (
            "origin s1: SISMI [sismi] asserts claim 'niger', counted as "
            "asserts here" in text
        )
        assert "s2 on 'africa' rests on s1 on 'niger'" in text
        assert "retracted" not in text

    def test_the_stance_on_the_queried_claim_counts(self) -> None:
        """A denial of the general claim resting on a specific finding."""
        cs = self.agencies()
        cs.record_statement(
            "s4", claim="niger", source="iaea", date="2003-03-07"
        )
        cs.record_statement(
            "s5",
            claim="africa",
            source="iaea",
            stance="denies",
            date="2003-03-08",
            derives_from=["s4"],
        )

        report = cs.corroboration("africa")

        assert report.contested
        assert report.status is ct.EvidenceStatus.CONTESTED
        (denying,) = report.denying_groups
        assert [o.id for o in denying.origins] == ["s4"]

    def test_a_chain_back_to_the_claim_keeps_its_stance(self) -> None:
        """The last statement on the claim's class nearest the origin wins."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("c", text="C")
        cs.record_claim("d", text="D")
        cs.record_statement("o", claim="c", source="a", date="2025-01-01")
        cs.record_statement(
            "m", claim="d", source="b", date="2025-01-02", derives_from=["o"]
        )
        cs.record_statement(
            "t",
            claim="c",
            source="b",
            stance="denies",
            date="2025-01-03",
            derives_from=["m"],
        )

        report = cs.corroboration("c")

        # o is on c itself: it counts with its own stance, asserting.
        assert groups(report) == [{"a"}]
        assert report.denying_groups == ()

    def test_retracted_origin_on_another_claim(self) -> None:
        """A chain that ends in a retracted statement is blocked, and said so."""
        cs = self.agencies()
        cs.record_statement(
            "r1",
            source="sismi",
            stance="retracts",
            target="s1",
            date="2005-01-01",
        )

        report = cs.corroboration("africa")

        assert report.status is ct.EvidenceStatus.UNSUPPORTED
        assert "every chain rests on a statement that does not count" in (
            report.reason
        )


class TestArmsLength:
    """Membership in an arm's-length organisation ties no one to it."""

    @staticmethod
    def members() -> ct.ClaimSet:
        """The President and the IAEA's head, the US a member of the IAEA."""
        cs = ct.ClaimSet()
        cs.record_source("us", name="United States", kind="state")
        cs.record_source("president", name="The President")
        cs.record_source("iaea", name="IAEA", kind="alliance")
        cs.record_source("dg", name="Director General")
        cs.link("president", "speaks_for", "us")
        cs.link("us", "member_of", "iaea")
        cs.link("dg", "employed_by", "iaea")
        cs.record_claim("c", text="C")
        cs.record_statement("s1", claim="c", source="president")
        cs.record_statement("s2", claim="c", source="dg")
        return cs

    def test_membership_ties_by_default(self) -> None:
        """By default the President and the IAEA's head are one voice."""
        cs = self.members()
        report = cs.corroboration("c")

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert "arms_length=['iaea']" in report.explain()

    def test_arms_length_unties(self) -> None:
        """Listed as arm's length, the IAEA is independent of its members."""
        cs = self.members()
        policy = ct.CorroborationPolicy(arms_length=["iaea"])

        assert cs.corroboration("c", policy=policy).corroborated
        assert cs.independent("president", "dg", policy=policy)

    def test_control_still_ties(self) -> None:
        """An arm's-length organisation still speaks for what it controls."""
        cs = self.members()
        cs.link("us", "controlled_by", "iaea")
        policy = ct.CorroborationPolicy(arms_length=["iaea"])

        assert not cs.independent("president", "dg", policy=policy)

    def test_saved_and_loaded(self) -> None:
        """The option survives JSON, and is written only when used."""
        cs = self.members()
        assert "arms_length" not in cs.to_json()
        cs.policy = ct.CorroborationPolicy(arms_length=["iaea"])

        assert ct.ClaimSet.from_json(cs.to_json()).policy == cs.policy

    @pytest.mark.parametrize("value", [[""], [1], "iaea"])
    def test_bad_values(self, value: object) -> None:
        """Ids must be non-empty strings; one string alone is one id."""
        if value == "iaea":
            policy = ct.CorroborationPolicy(arms_length=value)  # type: ignore[arg-type]
            assert policy.arms_length == {"iaea"}
            return
        with pytest.raises(ct.InvalidValueError):
            ct.CorroborationPolicy(arms_length=value)  # type: ignore[arg-type]

    def test_not_both_one_voice_and_arms_length(self) -> None:
        """An organisation cannot be both."""
        with pytest.raises(ct.InvalidValueError, match="both"):
            ct.CorroborationPolicy(one_voice=["aes"], arms_length=["aes"])


class TestContested:
    def test_contested_flag(self) -> None:
        """contested: at least one asserting and one denying group."""
        cs = two_voices()
        assert not cs.corroboration("x").contested
        cs.record_source("c", name="C")
        cs.record_statement("sc", claim="x", source="c", stance="denies")

        report = cs.corroboration("x")

        assert report.contested
        assert report.corroborated


def declared(cs: ct.ClaimSet) -> ct.ClaimSet:
    """*cs* with every implied derivation declared in ``derives_from``."""
    implied: dict[str, list[str]] = {}
    for derivation in cs.implied_derivations():
        implied.setdefault(derivation.statement, []).append(derivation.parent)
    records: list[ct.Record] = []
    for record in cs:
        if isinstance(record, ct.Statement) and record.id in implied:
            parents = list(
                dict.fromkeys([*record.derives_from, *implied[record.id]])
            )
            record = attrs.evolve(  # noqa: PLW2901
                record, derives_from=parents, via=record.via or "copies"
            )
        records.append(record)
    again = ct.ClaimSet(policy=cs.policy)
    again.record_many(records)
    return again


class TestImpliedDerivationProperties:
    @given(cs=claim_sets())
    def test_implied_is_as_declared(self, cs: ct.ClaimSet) -> None:
        """An implied derivation counts exactly as the declared one would."""
        twin = declared(cs)

        for mine, theirs in zip(cs.reports(), twin.reports(), strict=True):
            assert summary(mine) == summary(theirs)

    @given(cs=claim_sets(), data=st.data())
    def test_a_copy_never_adds_a_group(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """A copier's statement adds no group, whatever it copies."""
        copied = data.draw(st.sampled_from(cs.sources)).id
        claim = data.draw(st.sampled_from(cs.claims)).id
        stance = data.draw(st.sampled_from(["asserts", "denies"]))
        cs.record_source("copier", name="A copier")
        cs.link("copier", "copies_from", copied)
        said = [
            s
            for s in cs.statements_for(claim)
            if cs.canonical_source(s.source) == cs.canonical_source(copied)
            and s.stance.value == stance
        ]
        assume(said)
        before = counts(cs)

        cs.record_statement(
            "copy", claim=claim, source="copier", stance=stance
        )

        assert counts(cs) == before

    @given(cs=claim_sets(), data=st.data())
    def test_a_citation_never_adds_a_group(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """A statement in a document citing one that says it adds no group."""
        placed = [
            s
            for s in cs.statements
            if s.document is not None and s.stance is not ct.Stance.RETRACTS
        ]
        assume(placed)
        cited = data.draw(st.sampled_from(placed))
        before = counts(cs)
        cs.record_source("citer", name="A citing outlet")
        cs.record_document("citing", publisher="citer", cites=[cited.document])

        cs.record_statement(
            "cites",
            claim=cited.claim,
            source="citer",
            stance=cited.stance,
            document="citing",
            date=cs.date_of(cited),
        )

        assert counts(cs) == before

    @given(cs=claim_sets(), data=st.data())
    def test_a_chain_across_claims_counts_its_end(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """
        Resting on another claim's origin counts as if it had said this.

        (The groups' members may differ: the direct statement can itself
        be copied by others. How many groups there are may not.)
        """
        origins = [
            s
            for s in cs.statements
            if s.stance is not ct.Stance.RETRACTS
            and not s.derives_from
            and not cs.retractions_of(s.id)
        ]
        assume(origins)
        origin = data.draw(st.sampled_from(origins))
        claim = data.draw(st.sampled_from(cs.claims)).id
        assume(claim not in cs.claim_class(origin.claim))
        stance = data.draw(st.sampled_from(["asserts", "denies"]))
        assume(not cs.implied_derivations())
        when = cs.date_of(origin)
        chained, direct = cs.copy(), cs.copy()
        chained.record_source("speaker", name="Speaker")
        chained.record_statement(
            "rests",
            claim=claim,
            source="speaker",
            stance=stance,
            date=when,
            derives_from=[origin.id],
        )
        direct.record_statement(
            "says", claim=claim, source=origin.source, stance=stance, date=when
        )
        # Said directly, it could itself be a copy (its source copying
        # another): that is the copying rule's business, tested above.
        assume(not direct.implied_derivations())

        assert counts(chained)[claim] == counts(direct)[claim]

    @given(cs=claim_sets(), data=st.data())
    def test_a_chain_back_to_the_claim_adds_no_group(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """Through another claim and back: what was counted stays counted."""
        live = [s for s in cs.statements if s.stance is not ct.Stance.RETRACTS]
        assume(live)
        start = data.draw(st.sampled_from(live))
        other = data.draw(st.sampled_from(cs.claims)).id
        assume(other not in cs.claim_class(start.claim))
        when = cs.date_of(start)
        cs.record_source("middle", name="In the middle")
        cs.record_source("end", name="At the end")
        before = counts(cs)
        cs.record_statement(
            "m",
            claim=other,
            source="middle",
            date=when,
            derives_from=[start.id],
        )
        cs.record_statement(
            "e",
            claim=start.claim,
            source="end",
            stance=data.draw(st.sampled_from(["asserts", "denies"])),
            date=when,
            derives_from=["m"],
        )

        after = counts(cs)
        assert after[start.claim] == before[start.claim]


class TestQuickPathsAgree:
    """The quick ways for one or two origins answer as the general way."""

    @given(cs=claim_sets() | hierarchies_with_relays())
    def test_reports_are_the_same_without_the_quick_paths(
        self, cs: ct.ClaimSet
    ) -> None:
        """Groups found the general way are identical, carriers tied alike."""
        quick = cs.reports()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                corroboration,
                "_two_groups",
                corroboration._many_groups,
            )
            patch.setattr(
                carrier_ties,
                "_ties_to_one",
                lambda index, carriers, origin, closure, policy: (
                    carrier_ties.ties_by_closures(
                        index, carriers, [origin], [closure], policy
                    )
                ),
            )
            general = cs.copy().reports()
        # Carriers may be tied to another origin of their group.
        assert [_untied(r) for r in general] == [_untied(r) for r in quick]
        assert [_tied_carriers(r) for r in general] == [
            _tied_carriers(r) for r in quick
        ]


def _untied(report: ct.CorroborationReport) -> ct.CorroborationReport:
    """*report* without its carrier ties."""
    return attrs.evolve(
        report,
        asserting_groups=tuple(
            attrs.evolve(g, carrier_ties=()) for g in report.asserting_groups
        ),
        denying_groups=tuple(
            attrs.evolve(g, carrier_ties=()) for g in report.denying_groups
        ),
    )


def _tied_carriers(report: ct.CorroborationReport) -> list[set[str]]:
    """The sources of the carriers tied to each group, group by group."""
    return [
        {tie.a for tie in group.carrier_ties}
        for group in (*report.asserting_groups, *report.denying_groups)
    ]


def _brute_force_groups(
    cs: ct.ClaimSet, report: ct.CorroborationReport
) -> set[frozenset[str]]:
    """Groups of origins by testing every pair with their two closures."""
    store, policy = cs._store, report.policy
    found: set[frozenset[str]] = set()
    for groups in (report.asserting_groups, report.denying_groups):
        origins = [o for group in groups for o in group.origins]
        closures = [
            store.closure(o.source, report.date_of(o), policy) for o in origins
        ]
        parent = list(range(len(origins)))

        def root(i: int, parent: list[int] = parent) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for i, j in itertools.combinations(range(len(origins)), 2):
            tie = independence(
                origins[i].source, closures[i], origins[j].source, closures[j]
            )
            if not tie:
                parent[root(j)] = root(i)
        members: dict[int, set[str]] = {}
        for i, origin in enumerate(origins):
            members.setdefault(root(i), set()).add(origin.id)
        found.update(frozenset(m) for m in members.values())
    return found


class TestGroupingByWalks:
    """Grouping many origins by one shared walk, ties as a tree."""

    @given(cs=hierarchies_with_origins() | hierarchies_with_relays())
    def test_groups_are_those_of_every_pair(self, cs: ct.ClaimSet) -> None:
        """The groups are the components of "dependent" between pairs."""
        report = cs.corroboration("c")

        assert {
            frozenset(o.id for o in group.origins)
            for group in (*report.asserting_groups, *report.denying_groups)
        } == _brute_force_groups(cs, report)

    @given(cs=hierarchies_with_origins() | hierarchies_with_relays())
    def test_ties_are_real_paths_forming_a_tree(self, cs: ct.ClaimSet) -> None:
        """Each tie is a path of links holding then; a group's ties join it."""
        report = cs.corroboration("c")
        canonical = cs._store.canonical_source
        recorded = {link.id: link for link in cs.links}
        for group in (*report.asserting_groups, *report.denying_groups):
            dates: dict[str, list[ct.PartialDate | None]] = {}
            for origin in group.origins:
                dates.setdefault(origin.source, []).append(
                    report.date_of(origin)
                )
            assert len(group.ties) == len(group.origins) - 1
            joined = {canonical(group.origins[0].source)}
            for tie in group.ties:
                assert not tie.independent
                assert tie.a in dates
                assert tie.b in dates
                assert tie.path[0] == tie.a
                assert tie.path[-1] == tie.b
                node = canonical(tie.a)
                for link in tie.links:
                    assert recorded[link.id] == link
                    assert any(
                        link.holds_at(when)
                        for when in (*dates[tie.a], *dates[tie.b])
                    )
                    ends = canonical(link.subject), canonical(link.object)
                    assert node in ends
                    node = ends[1] if node == ends[0] else ends[0]
                assert node == canonical(tie.b)
                if tie.tie is ct.Tie.SAME_SOURCE:
                    assert canonical(tie.a) == canonical(tie.b)
                joined |= {canonical(tie.a), canonical(tie.b)}
            # Spanning: each tie brings in a source not joined before.
            assert {canonical(o.source) for o in group.origins} <= joined

    @given(cs=hierarchies_with_relays())
    def test_carriers_are_tied_as_by_closures(self, cs: ct.ClaimSet) -> None:
        """A carrier is tied exactly when its closure meets an origin's."""
        report = cs.corroboration("c")
        canonical = cs._store.canonical_source
        for group in (*report.asserting_groups, *report.denying_groups):
            expected = _carriers_tied_by_closures(cs, report, group)
            assert {tie.a for tie in group.carrier_ties} == expected
            dates = [
                report.date_of(s) for s in (*group.origins, *group.carriers)
            ]
            for tie in group.carrier_ties:
                assert tie.tie is not ct.Tie.INDEPENDENT
                assert tie.b in {o.source for o in group.origins}
                node = canonical(tie.a)
                for link in tie.links:
                    assert any(link.holds_at(when) for when in dates)
                    ends = canonical(link.subject), canonical(link.object)
                    assert node in ends
                    node = ends[1] if node == ends[0] else ends[0]
                assert node == canonical(tie.b)

    def test_co_members_tied_beyond_where_an_earlier_walk_went(self) -> None:
        """An origin whose walk meets an earlier one is tied further up."""
        cs = ct.ClaimSet()
        cs.record_many(
            [
                *(ct.Source(id=s, name=s) for s in ("a", "b", "x", "y", "z")),
                ct.Claim(id="c", text="c"),
                *(
                    ct.Link(id=f"{s}^", subject=s, relation=r, object=o)
                    for s, r, o in (
                        ("b", "member_of", "a"),
                        ("x", "member_of", "b"),
                        ("y", "funded_by", "b"),
                    )
                ),
                *(
                    ct.Statement(id=f"o{i}", claim="c", source=s)
                    for i, s in enumerate(("a", "x", "y", "z"))
                ),
            ]
        )

        report = cs.corroboration("c")

        tied, alone = report.asserting_groups
        assert [o.id for o in tied.origins] == ["o0", "o1", "o2"]
        assert [o.id for o in alone.origins] == ["o3"]
        assert [tie.path for tie in tied.ties] == [
            ("a", "b", "x"),
            ("a", "b", "y"),
        ]

    def test_relay_under_a_deep_chain_is_tied_to_the_nearest(self) -> None:
        """A relay is tied to the origin just above its source."""
        n = 6
        cs = ct.ClaimSet()
        cs.record_many(
            [
                *(ct.Source(id=f"l{i}", name=f"l{i}") for i in range(n)),
                ct.Source(id="desk", name="desk"),
                ct.Claim(id="c", text="c"),
                *(
                    ct.Link(
                        id=f"l{i}^",
                        subject=f"l{i}",
                        relation="part_of",
                        object=f"l{i + 1}",
                    )
                    for i in range(n - 1)
                ),
                ct.Link(
                    id="desk^", subject="desk", relation="part_of", object="l2"
                ),
                *(
                    ct.Statement(id=f"t{i}", claim="c", source=f"l{i}")
                    for i in range(n)
                ),
                ct.Statement(
                    id="relay", claim="c", source="desk", derives_from=["t0"]
                ),
            ]
        )

        (group,) = cs.corroboration("c").asserting_groups

        (tie,) = group.carrier_ties
        assert tie.path == ("desk", "l2")
        assert tie.tie is ct.Tie.COMMON_CONTROL

    @given(
        bounds=st.lists(validity(), min_size=1, max_size=6),
        data=st.data(),
    )
    def test_dates_of_one_class_see_the_links_alike(
        self,
        bounds: list[tuple[ct.PartialDate | None, ct.PartialDate | None]],
        data: st.DataObject,
    ) -> None:
        """Two dates of one class see each dated link hold, or not, alike."""
        links = _links_valid(bounds)
        # Days on, next to and between the bounds, and any other date.
        near = [
            day + dt.timedelta(days=shift)
            for bound in itertools.chain.from_iterable(bounds)
            if bound is not None
            for day in (bound.value, _last_day(bound))
            for shift in (-1, 0, 1)
        ]
        dates = [
            *map(ct.PartialDate.parse, near),
            *data.draw(st.lists(optional_dates | times, max_size=8)),
        ]
        _assert_each_class_sees_links_alike(links, dates)


_ANY_BOUND = st.sampled_from(
    [
        "2020",
        "2020-06",
        "2020-06-30",
        "2020-07-01",
        "2020-12-31",
        "2020-06-30T23:00:00",
        "2020-06-30T23:00:00-05:00",
        "2020-07-01T01:00:00+05:00",
        "2020-07-01T00:00:00Z",
    ]
).map(ct.PartialDate.parse)
"""Bounds of every precision, meeting on their first and last days."""


class TestTangledHierarchies:
    """Walks agree with closures on links in any direction, at any date."""

    @given(cs=tangled_hierarchies(), as_of=st.none() | st.just("2020-06-30"))
    def test_groups_and_carriers_are_those_of_closures(
        self, cs: ct.ClaimSet, as_of: str | None
    ) -> None:
        """Groups and tied carriers are those the closures of pairs give."""
        report = cs.corroboration("c", as_of=as_of)
        assert {
            frozenset(o.id for o in group.origins)
            for group in (*report.asserting_groups, *report.denying_groups)
        } == _brute_force_groups(cs, report)
        for group in (*report.asserting_groups, *report.denying_groups):
            expected = _carriers_tied_by_closures(cs, report, group)
            assert {tie.a for tie in group.carrier_ties} == expected

    @given(
        bounds=st.lists(
            st.tuples(_ANY_BOUND, _ANY_BOUND), min_size=1, max_size=6
        ),
        data=st.data(),
    )
    def test_date_classes_with_bounds_of_any_precision(
        self,
        bounds: list[tuple[ct.PartialDate | None, ct.PartialDate | None]],
        data: st.DataObject,
    ) -> None:
        """Bounds and dates of every precision, zones too, on each other."""
        links = _links_valid(
            [
                (start, end)
                for start, end in bounds
                if start is None
                or end is None
                or ct.compare_dates(start, end) == -1
            ]
        )
        near = [
            ct.PartialDate.parse(day + dt.timedelta(days=shift))
            for bound in itertools.chain.from_iterable(bounds)
            if bound is not None
            for day in (_first_day(bound), _last_day(bound))
            for shift in (-1, 0, 1)
        ]
        dates = [
            *near,
            *data.draw(st.lists(st.none() | _ANY_BOUND, max_size=8)),
        ]
        _assert_each_class_sees_links_alike(links, dates)


def _assert_each_class_sees_links_alike(
    links: list[ct.Link], dates: list[ct.PartialDate | None]
) -> None:
    """Dates that `date_classes` puts in one class see each link alike."""
    seen: dict[object, list[bool]] = {}
    for when, found in zip(dates, date_classes(links, dates), strict=True):
        holds = [link.holds_at(when) for link in links]
        assert seen.setdefault(found, holds) == holds


def _carriers_tied_by_closures(
    cs: ct.ClaimSet, report: ct.CorroborationReport, group: ct.OriginGroup
) -> set[str]:
    """The sources of *group*'s carriers whose closures meet an origin's."""
    store, policy = cs._store, report.policy
    closures = [
        store.closure(o.source, report.date_of(o), policy)
        for o in group.origins
    ]
    roots = {closure.root for closure in closures}
    tied = set()
    for carrier in group.carriers:
        mine = store.closure(carrier.source, report.date_of(carrier), policy)
        if mine.root not in roots and any(
            not independence(carrier.source, mine, "o", closure)
            for closure in closures
        ):
            tied.add(carrier.source)
    return tied


def _links_valid(
    bounds: list[tuple[ct.PartialDate | None, ct.PartialDate | None]],
) -> list[ct.Link]:
    """A ``part_of`` link from a to b valid within each pair of bounds."""
    return [
        ct.Link(
            id=f"l{i}",
            subject="a",
            relation="part_of",
            object="b",
            valid_from=start,
            valid_to=end,
        )
        for i, (start, end) in enumerate(bounds)
    ]


def _first_day(date: ct.PartialDate) -> dt.date:
    """The first calendar day *date* may stand for."""
    value = date.value
    return value.date() if isinstance(value, dt.datetime) else value


def _last_day(date: ct.PartialDate) -> dt.date:
    """The last calendar day *date* may stand for."""
    value = date.value
    if isinstance(value, dt.datetime):
        return value.date()
    if date.precision is ct.Precision.YEAR:
        return dt.date(value.year, 12, 31)
    if date.precision is ct.Precision.MONTH:
        following = dt.date(
            value.year + value.month // 12, value.month % 12 + 1, 1
        )
        return following - dt.timedelta(days=1)
    return value


class TestQuickRecords:
    @given(cs=claim_sets())
    def test_reports_and_groups_are_genuine(self, cs: ct.ClaimSet) -> None:
        """Reports and groups are equal to those their classes make."""
        for report in cs.reports():
            assert type(report) is ct.CorroborationReport
            assert attrs.evolve(report) == report
            for group in (*report.asserting_groups, *report.denying_groups):
                assert type(group) is ct.OriginGroup
                again = attrs.evolve(group)
                assert again == group
                assert hash(again) == hash(group)
                assert weakref.ref(group)() is group
                assert pickle.loads(pickle.dumps(group)) == group  # noqa: S301
            assert weakref.ref(report)() is report
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                report.claim = "other"  # type: ignore[misc]
