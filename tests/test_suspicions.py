# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._suspicions`: dependence nobody declared."""

from __future__ import annotations

import re
import sys
import unicodedata

from pathlib import Path

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct

from .strategies import claim_sets_with_texts


ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from discovery import load_corpus, quality  # noqa: E402


RELEASE = (
    "WASHINGTON - The space agency launched its new cargo rocket on "
    "Tuesday morning from the Florida coast, carrying three research "
    "satellites into a low orbit. Officials said the launch went as "
    "planned and that all three satellites deployed within an hour of "
    "lift-off. The mission is the first of five planned this year, and the "
    "administrator praised the team for nine years of work on the vehicle, "
    "which was built largely by a private company under a fixed contract."
)
QUOTE = (
    "this is a great day for everyone who worked on this vehicle and for "
    "the country"
)


def reprinted() -> ct.ClaimSet:
    """An agency's release, a paper's trimmed reprint, an own report."""
    cs = ct.ClaimSet()
    cs.record_source("agency", name="Space Agency")
    cs.record_source("paper", name="Daily Paper")
    cs.record_source("radio", name="City Radio")
    cs.record_claim("launch", text="The agency launched a cargo rocket")
    cs.record_document(
        "release", publisher="agency", date="2025-06-03", text=RELEASE
    )
    cs.record_document(
        "reprint",
        publisher="paper",
        date="2025-06-04",
        text="Rocket launched\n\n" + RELEASE[:300] + " More on page 4.",
    )
    cs.record_document(
        "own",
        publisher="radio",
        date="2025-06-04",
        text="Our reporter at the launch site watched the rocket climb "
        "through low clouds before it disappeared from view, a thin line "
        "of smoke bending in the wind above the marshes. Engineers in the "
        "crowd cheered and hugged, and several said they had not slept "
        "for two days while the weather kept changing. Local hotels were "
        "full, and restaurants along the causeway stayed open late for "
        f"the visitors. The administrator told us: {QUOTE}. The next "
        "launch is planned for the autumn, weather permitting.",
    )
    for document, source in (
        ("release", "agency"),
        ("reprint", "paper"),
        ("own", "radio"),
    ):
        cs.record_statement(
            f"s-{document}", claim="launch", source=source, document=document
        )
    return cs


class TestReusedText:
    def test_a_trimmed_reprint_is_found(self) -> None:
        """The reprint repeats the release; the dates give the direction."""
        cs = reprinted()

        (found,) = cs.suspicions(kinds=["reused_text"])

        assert found.kind is ct.SuspicionKind.REUSED_TEXT
        assert found.records == ("release", "reprint")
        assert found.ordered
        assert found.holds
        assert found.data["copy"] == "reprint"
        assert found.data["passage"]["words"] >= 40
        assert "reprint's text repeats" in found.evidence

    def test_a_shared_quote_is_not_a_copy(self) -> None:
        """Two reports quoting one official do not reuse each other's text."""
        cs = reprinted()
        cs.record_source("tv", name="TV")
        cs.record_document(
            "tv-report",
            publisher="tv",
            date="2025-06-04",
            text="Crowds gathered on the beach before dawn to see the "
            "launch, some of them camping overnight in the dunes with "
            "folding chairs and flasks of coffee. Children sat on their "
            "parents' shoulders as the countdown was read out over a "
            "loudspeaker near the car park. When the engines lit, the "
            "sound arrived a few seconds later and set off car alarms "
            "along the road. Asked about the mission afterwards, the "
            f"administrator said {QUOTE}, and then left for a news "
            "conference in the visitor centre, where questions were "
            "mostly about the budget for next year and the delays of "
            "the crewed programme.",
        )

        pairs = {frozenset(s.records) for s in cs.suspicions()}

        assert frozenset(("own", "tv-report")) not in pairs

    def test_boilerplate_is_ignored(self) -> None:
        """A footer in three documents of one publisher joins nothing."""
        cs = ct.ClaimSet()
        cs.record_source("site", name="Site")
        footer = (
            " Copyright the site and its partners; all rights reserved by "
            "the owners of this website and its many partner companies."
        )
        for n, body in enumerate(
            (
                "Storm hits the northern coast overnight, cutting power.",
                "Council approves the new budget after a long debate.",
                "Local team wins the regional final in extra time.",
            )
        ):
            cs.record_document(f"d{n}", publisher="site", text=body + footer)

        assert cs.suspicions(min_score=0) == ()

    def test_a_passage_everywhere_costs_a_line(self) -> None:
        """A release reprinted 60 times: each reprint paired once."""
        cs = ct.ClaimSet()
        cs.record_document("original", date="2025-01-01", text=RELEASE)
        for n in range(60):
            cs.record_document(
                f"copy{n}", date="2025-01-02", text=RELEASE + f" Page {n}."
            )

        found = cs.suspicions(kinds=["reused_text"])

        assert len(found) == 60
        assert {s.records[0] for s in found} == {"original"}

    def test_a_crowded_passage_joins_the_earliest_however_recorded(
        self,
    ) -> None:
        """The earliest by date, then by id, whatever the recording order."""
        cs = ct.ClaimSet()
        for n in range(45):
            cs.record_document(
                f"copy{n}", date="2025-01-02", text=RELEASE + f" Page {n}."
            )
        cs.record_document("original", date="2025-01-01", text=RELEASE)

        found = cs.suspicions(kinds=["reused_text"])

        assert len(found) == 45
        assert {s.records[0] for s in found} == {"original"}


class TestSharedQuotes:
    def test_same_quote_by_two_sources(self) -> None:
        """Two sources carrying one verbatim quote likely relay one origin."""
        cs = reprinted()
        cs.record_statement(
            "q1",
            claim="launch",
            source="radio",
            quote=QUOTE,
            date="2025-06-04",
        )
        cs.record_statement(
            "q2",
            claim="launch",
            source="paper",
            quote=QUOTE.upper(),
            date="2025-06-05",
        )

        (found,) = cs.suspicions(kinds=["shared_quote"])

        assert found.records == ("q1", "q2")
        assert found.data["first"] == "q1"

    def test_not_when_one_relays_the_other(self) -> None:
        """A declared relay is no suspicion."""
        cs = reprinted()
        cs.record_statement("q1", claim="launch", source="radio", quote=QUOTE)
        cs.record_statement(
            "q2",
            claim="launch",
            source="paper",
            quote=QUOTE,
            derives_from=["q1"],
        )

        assert cs.suspicions(kinds=["shared_quote"]) == ()


class TestWireCredits:
    def test_credit_to_a_recorded_wire(self) -> None:
        """A dateline credit names the recorded wire source by its alias."""
        cs = reprinted()
        cs.record_source("ap", name="The Associated Press", aliases=["AP"])
        cs.record_document(
            "wired",
            publisher="paper",
            text="CAPE CANAVERAL, Fla. (AP) \u2014 A rocket rose at dawn.",
        )
        cs.record_statement(
            "s-wired", claim="launch", source="paper", document="wired"
        )

        (found,) = cs.suspicions(kinds=["wire_credit"])

        assert found.records == ("wired", "ap")
        assert found.data["credit"] == "AP"

    def test_credit_to_nobody_recorded(self) -> None:
        """A closing credit with no such source recorded says so."""
        cs = reprinted()
        cs.record_document(
            "wired", publisher="paper", text="A rocket rose at dawn. - Reuters"
        )

        (found,) = cs.suspicions(kinds=["wire_credit"])

        assert found.records == ("wired",)
        assert "no source of that name is recorded" in found.evidence
        with pytest.raises(ct.InvalidValueError, match="record it"):
            cs.accept(found)
        cs.reject(found, note="Reuters only supplied the photo")
        assert cs.suspicions(kinds=["wire_credit"]) == ()

    @pytest.mark.parametrize(
        ("text", "credit"),
        [
            ("GAO, Mali (Reuters) - Troops moved north.", "Reuters"),
            ("Troops moved north.\n\u2014 AFP", "AFP"),
            ("Troops moved north. -- AFP.", "AFP"),
            (
                "BY THE ASSOCIATED PRESS\nTroops moved north.",
                "ASSOCIATED PRESS",
            ),
            ("by Reuters\nTroops moved north.", "Reuters"),
            (
                "Troops moved north.\nSOURCE: Ministry of Defence",
                "Ministry of Defence",
            ),
            ("Troops moved north.\ncourtesy : NASA", "NASA"),
        ],
    )
    def test_every_form_of_credit_in_any_case(
        self, text: str, credit: str
    ) -> None:
        """Datelines, closing credits, bylines and source lines are found."""
        cs = reprinted()
        cs.record_document("wired", publisher="paper", text=text)

        (found,) = cs.suspicions(kinds=["wire_credit"])

        assert found.data["credit"].casefold() == credit.casefold()

    @pytest.mark.parametrize(
        "text",
        [
            "Troops moved north (AP said nothing).",
            "Troops moved north - says an AP reporter.",
            "Nearby, troops moved north.",
            "Troops moved north: the ministry confirmed it.",
        ],
    )
    def test_no_credit_without_its_form(self, text: str) -> None:
        """Names of wires in running text are not credits."""
        cs = reprinted()
        cs.record_document("wired", publisher="paper", text=text)

        assert cs.suspicions(kinds=["wire_credit"]) == ()


def dong_table_1() -> ct.ClaimSet:
    """Dong, Berti-Equille and Srivastava (VLDB 2009), Table 1."""
    table = {
        "Stonebraker": ("MIT", "Berkeley", "MIT", "MIT", "MS"),
        "Dewitt": ("MSR", "MSR", "UWisc", "UWisc", "UWisc"),
        "Bernstein": ("MSR", "MSR", "MSR", "MSR", "MSR"),
        "Carey": ("UCI", "AT&T", "BEA", "BEA", "BEA"),
        "Halevy": ("Google", "Google", "UW", "UW", "UW"),
    }
    cs = ct.ClaimSet()
    for n in range(1, 6):
        cs.record_source(f"S{n}", name=f"Source {n}")
    cs.record_source("truth", name="The researchers' home pages")
    for person, values in table.items():
        true = values[0]  # S1 is right about everyone
        for value in sorted(set(values)):
            claim = f"{person}@{value}"
            cs.record_claim(claim, text=f"{person} is affiliated with {value}")
            cs.record_review(
                f"review {claim}",
                claim=claim,
                reviewer="truth",
                date=None,
                rating="True" if value == true else "False",
            )
        for n, value in enumerate(values, 1):
            cs.record_statement(
                f"S{n}: {person}", claim=f"{person}@{value}", source=f"S{n}"
            )
    return cs


class TestCopyingSources:
    def test_dong_table_1(self) -> None:
        """S3, S4 and S5 share false values and are flagged; S1, S2 not."""
        cs = dong_table_1()

        flagged = {
            frozenset(s.records)
            for s in cs.suspicions(kinds=["copying_source"])
        }

        assert flagged == {
            frozenset(("S3", "S4")),
            frozenset(("S3", "S5")),
            frozenset(("S4", "S5")),
        }
        weak = {
            frozenset(s.records): s.score
            for s in cs.suspicions(kinds=["copying_source"], min_score=0)
        }
        assert weak.get(frozenset(("S1", "S2")), 0) < 0.6

    def test_accepting_declares_copies_from(self) -> None:
        """Accepted, a copying source is a copies_from link, and one voice."""
        cs = dong_table_1()
        claim = "Carey@BEA"
        assert len(cs.corroboration(claim).asserting_groups) == 3
        suspicion = next(
            s
            for s in cs.suspicions(kinds=["copying_source"])
            if set(s.records) == {"S3", "S4"}
        )

        (link,) = cs.accept(suspicion, copier="S4", note="checked")

        assert (link.subject, link.relation, link.object) == (
            "S4",
            ct.Relation.COPIES_FROM,
            "S3",
        )
        assert len(cs.corroboration(claim).asserting_groups) == 2


class TestSameClaims:
    def test_two_wordings(self) -> None:
        """Claims saying one thing in other words are same_as candidates."""
        cs = ct.ClaimSet()
        cs.record_claim("a", text="Rebels seized the military base at Tessit")
        cs.record_claim(
            "b", text="The military base at Tessit was seized by rebels"
        )
        cs.record_claim("c", text="Rebels seized 12 trucks at Tessit")
        cs.record_claim("d", text="Rebels seized 40 trucks at Tessit")

        found = cs.suspicions(kinds=["same_claim"])

        assert [s.records for s in found] == [("a", "b")]
        cs.accept(found[0])
        assert cs.claim_class("a") == ("a", "b")

    def test_other_places_are_other_claims(self) -> None:
        """Names must agree, as numbers must."""
        cs = ct.ClaimSet()
        cs.record_claim("a", text="Troops killed civilians at Moura market")
        cs.record_claim("b", text="Troops killed civilians at Gao market")

        assert cs.suspicions(kinds=["same_claim"], min_score=0) == ()

    def test_a_name_in_lower_case_claims_only(self) -> None:
        """A claim with no capital after its first letter has no names."""
        cs = ct.ClaimSet()
        cs.record_claim("a", text="floods closed the northern roads")
        cs.record_claim("b", text="Floods closed the northern roads again")
        cs.record_claim("c", text="floods closed the northern roads at Gao")

        found = cs.suspicions(kinds=["same_claim"], min_score=0)

        assert [s.records for s in found] == [("a", "b")]

    @given(
        st.lists(
            st.lists(
                st.sampled_from(
                    ["rebels", "seized", "seizing", "the", "base", "Gao"]
                ),
                min_size=2,
                max_size=6,
            ),
            min_size=2,
            max_size=6,
        )
    )
    def test_stems_do_not_depend_on_the_order_of_claims(
        self, texts: list[list[str]]
    ) -> None:
        """Words met in one claim are stemmed alike in every other."""
        claims = [
            ct.Claim(id=f"c{n}", text=" ".join(words))
            for n, words in enumerate(texts)
        ]
        forward, backward = ct.ClaimSet(), ct.ClaimSet()
        forward.record_many(claims)
        backward.record_many(list(reversed(claims)))

        found = forward.suspicions(kinds=["same_claim"], min_score=0)

        assert found == backward.suspicions(kinds=["same_claim"], min_score=0)
        assert [s.data for s in found] == [
            s.data
            for s in backward.suspicions(kinds=["same_claim"], min_score=0)
        ]


class TestAcceptRejectUnlink:
    def test_count_policy_and_report(self) -> None:
        """Reports say what the suspicions would change; count counts them."""
        cs = reprinted()

        flagged = cs.corroboration("launch")
        counted = cs.corroboration(
            "launch", policy=ct.CorroborationPolicy(suspicions="count")
        )

        assert len(flagged.asserting_groups) == 3
        assert flagged.groups_if_suspicions_hold == (2, 0)
        assert [s.kind for s in flagged.suspicions] == [
            ct.SuspicionKind.REUSED_TEXT
        ]
        assert "if the suspicions below hold: 2 asserting" in (
            flagged.explain()
        )
        assert len(counted.asserting_groups) == 2

    def test_accepting_is_declaring(self) -> None:
        """Accepting gives the answer declaring the same link gives."""
        accepted, declared = reprinted(), reprinted()
        (suspicion,) = accepted.suspicions(kinds=["reused_text"])

        (link,) = accepted.accept(suspicion, note="same wording")
        declared.link("reprint", "copies", "release")

        assert link.evidence == suspicion.evidence
        mine = accepted.corroboration("launch")
        theirs = declared.corroboration("launch")
        assert mine.status == theirs.status
        assert [g.sources for g in mine.asserting_groups] == [
            g.sources for g in theirs.asserting_groups
        ]
        assert accepted.suspicions(kinds=["reused_text"]) == ()

    def test_rejected_is_not_raised_again_and_survives(self) -> None:
        """A rejection is saved in JSON and survives a merge."""
        cs = reprinted()
        (suspicion,) = cs.suspicions(kinds=["reused_text"])

        link = cs.reject(suspicion, note="both copy a third text")

        assert cs.suspicions(kinds=["reused_text"]) == ()
        loaded = ct.ClaimSet.from_json(cs.to_json())
        assert loaded.get_link(link.id).note == "both copy a third text"
        assert loaded.suspicions(kinds=["reused_text"]) == ()
        other = reprinted()
        other.merge(loaded)
        assert other.suspicions(kinds=["reused_text"]) == ()

    def test_unlink_withdraws(self) -> None:
        """Unlinking an accepted link brings the suspicion back."""
        cs = reprinted()
        (suspicion,) = cs.suspicions(kinds=["reused_text"])
        (link,) = cs.accept(suspicion)

        removed = cs.unlink(link.id)

        assert removed == link
        assert link.id not in cs
        assert cs.suspicions(kinds=["reused_text"]) == (suspicion,)

    def test_unlink_all_or_nothing(self) -> None:
        """A link a retraction rests on cannot be withdrawn alone."""
        cs = ct.ClaimSet()
        cs.record_source("rep", name="Reporter")
        cs.record_source("paper", name="Paper")
        cs.record_claim("c", text="C")
        link = cs.link("rep", "employed_by", "paper")
        cs.record_statement("s", claim="c", source="rep")
        cs.record_statement("r", source="paper", stance="retracts", target="s")
        before = cs.to_json()

        with pytest.raises(ct.InvalidRetractionError):
            cs.unlink(link.id)

        assert cs.to_json() == before
        with pytest.raises(ct.UnknownReferenceError):
            cs.unlink("nope")

    def test_unordered_needs_a_copier(self) -> None:
        """Without dates, accepting asks which record copies."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("c", text="C")
        cs.record_statement("qa", claim="c", source="a", quote=QUOTE)
        cs.record_statement("qb", claim="c", source="b", quote=QUOTE)
        (suspicion,) = cs.suspicions(kinds=["shared_quote"])

        with pytest.raises(ct.InvalidValueError, match="copier"):
            cs.accept(suspicion)
        with pytest.raises(ct.InvalidValueError, match="copier"):
            cs.accept(suspicion, copier="nobody")
        (link,) = cs.accept(suspicion, copier="qb")
        assert (link.subject, link.object) == ("qb", "qa")

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ({"kinds": ["nonsense"]}, "kinds"),
            ({"kinds": 3}, "kinds"),
            ({"min_score": 2}, "min_score"),
            ({"min_score": "high"}, "min_score"),
            ({"min_score": True}, "min_score"),
        ],
    )
    def test_bad_arguments(
        self, arguments: dict[str, object], field: str
    ) -> None:
        """Bad kinds and scores are InvalidValueError naming the argument."""
        with pytest.raises(ct.InvalidValueError) as info:
            reprinted().suspicions(**arguments)  # type: ignore[arg-type]
        assert info.value.field == field  # type: ignore[attr-defined]

    def test_accept_needs_a_suspicion(self) -> None:
        """Anything else is refused."""
        with pytest.raises(ct.InvalidValueError, match="Suspicion"):
            reprinted().accept("reprint")  # type: ignore[arg-type]


class TestRealTestSet:
    def test_precision_and_recall(self) -> None:
        """On the labelled real pages, both at least 0.9 (translations apart)."""
        results = quality()

        assert results["all"]["precision"] >= 0.9
        assert results["all"]["recall"] >= 0.9

    def test_the_corpus_loads(self) -> None:
        """Every labelled page is a document with its text."""
        cs, pairs = load_corpus()

        assert all(d.text for d in cs.documents)
        ids = {d.id for d in cs.documents}
        assert all(p["a"] in ids and p["b"] in ids for p in pairs)


class TestReviewFindings:
    """Regressions found by reading the change again."""

    def test_two_wire_stories_by_one_paper(self) -> None:
        """Each credited story is accepted on its own; neither comes back."""
        cs = ct.ClaimSet()
        cs.record_source("paper", name="Paper")
        cs.record_source("ap", name="The Associated Press", aliases=["AP"])
        for n, day in ((1, "2024-03-01"), (2, "2024-03-05")):
            cs.record_claim(f"c{n}", text=f"Event number {n} happened")
            cs.record_document(
                f"d{n}",
                publisher="paper",
                date=day,
                text=f"BAMAKO (AP) \u2014 Event {n} happened, officials said.",
            )
            cs.record_statement(
                f"s{n}", claim=f"c{n}", source="paper", document=f"d{n}"
            )

        for suspicion in cs.suspicions(kinds=["wire_credit"]):
            cs.accept(suspicion)

        assert cs.suspicions(kinds=["wire_credit"]) == ()
        assert len(cs.links) == 2

    def test_count_follows_a_same_claim_outside_the_class(self) -> None:
        """Counting suspicions counts a same_claim whatever it touches."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("c1", text="Troops killed civilians at Moura market")
        cs.record_claim(
            "c2", text="Civilians were killed by troops at Moura market"
        )
        cs.record_statement("s1", claim="c1", source="a")
        cs.record_statement("s2", claim="c2", source="b")

        counted = cs.corroboration(
            "c1", policy=ct.CorroborationPolicy(suspicions="count")
        )

        assert counted.corroborated
        assert cs.corroboration("c1").groups_if_suspicions_hold == (2, 0)

    def test_an_undated_shared_quote_is_counted(self) -> None:
        """The hypothetical set picks a direction where dates give none."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_source("b", name="B")
        cs.record_claim("c", text="C")
        cs.record_statement("qa", claim="c", source="a", quote=QUOTE)
        cs.record_statement("qb", claim="c", source="b", quote=QUOTE)

        report = cs.corroboration("c")

        assert len(report.asserting_groups) == 2
        assert report.groups_if_suspicions_hold == (1, 0)

    def test_a_passage_around_a_repeated_phrase(self) -> None:
        """A copy is measured whole even where the original repeats itself."""
        original = (
            "the minister said the talks would resume on monday and the "
            "minister said the talks would resume with all parties present "
            "after the holiday weekend in the capital city of the region"
        )
        cs = ct.ClaimSet()
        cs.record_document("a", date="2025-01-01", text=original)
        cs.record_document("b", date="2025-01-02", text=original + " today.")

        (found,) = cs.suspicions(kinds=["reused_text"])

        assert found.data["passage"]["words"] == len(original.split())

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"kind": "nonsense", "records": ("a", "b")}, "kind"),
            ({"kind": "reused_text", "records": ()}, "records"),
            ({"kind": "reused_text", "records": ("a", "b", "c")}, "records"),
            ({"kind": "reused_text", "records": ("a", 3)}, "records"),
        ],
    )
    def test_a_suspicion_made_by_hand(
        self, fields: dict[str, object], field: str
    ) -> None:
        """Bad kinds and records are InvalidValueError, never IndexError."""
        with pytest.raises(ct.InvalidValueError) as info:
            ct.Suspicion(  # type: ignore[arg-type]
                ordered=False,
                score=1.0,
                threshold=0.5,
                evidence="made by hand",
                **fields,
            )
        assert info.value.field == field  # type: ignore[attr-defined]

    def test_links_of_an_unhashable_id(self) -> None:
        """An id that is not a string names no record."""
        with pytest.raises(ct.UnknownReferenceError):
            reprinted().links_of(["x"])  # type: ignore[arg-type]


class TestProperties:
    @given(cs=claim_sets_with_texts())
    def test_counting_is_accepting(self, cs: ct.ClaimSet) -> None:
        """Counting suspicions answers as accepting each of them would."""
        counted = [
            len(r.asserting_groups)
            for r in cs.reports(
                policy=ct.CorroborationPolicy(suspicions="count")
            )
        ]
        flagged = [r.groups_if_suspicions_hold for r in cs.reports()]
        accepted = cs.copy()
        for suspicion in cs.suspicions():
            copier = None if suspicion.ordered else suspicion.records[-1]
            try:
                accepted.accept(suspicion, copier=copier)
            except ct.InvalidValueError:
                continue  # a wire credit to nobody: nothing to declare
            except ct.DuplicateIdError:
                continue  # already declared by an earlier acceptance

        assert [len(r.asserting_groups) for r in accepted.reports()] == counted
        assert all(
            groups is None or groups[0] == count
            for groups, count in zip(flagged, counted, strict=True)
        )

    @given(cs=claim_sets_with_texts())
    def test_found_without_changing_anything(self, cs: ct.ClaimSet) -> None:
        """Looking for suspicions records nothing, and finds them again."""
        before = cs.to_json()

        first = cs.suspicions(min_score=0)

        assert cs.to_json() == before
        assert ct.ClaimSet.from_json(before).suspicions(min_score=0) == first

    @given(cs=claim_sets_with_texts(), data=st.data())
    def test_what_is_kept_equals_a_fresh_search(
        self, cs: ct.ClaimSet, data: st.DataObject
    ) -> None:
        """Kinds a new record cannot change are kept, and rightly so."""
        cs.suspicions()  # fill the caches
        sources = [s.id for s in cs.sources]
        claims = [c.id for c in cs.claims]
        for n in range(data.draw(st.integers(1, 3))):
            what = data.draw(
                st.sampled_from(["quote", "text", "same_as", "claim"])
            )
            if what == "quote":
                cs.record_statement(
                    f"extra{n}",
                    claim=data.draw(st.sampled_from(claims)),
                    source=data.draw(st.sampled_from(sources)),
                    quote=QUOTE,
                )
            elif what == "text":
                cs.record_document(f"extra{n}", text=RELEASE)
            elif what == "claim":
                cs.record_claim(f"extra{n}", text=f"{RELEASE[:60]} {n}")
            elif len(sources) > 1:
                a, b = data.draw(st.permutations(sources))[:2]
                try:
                    cs.link(a, "same_as", b)
                except ct.AffiliationCycleError:
                    continue  # refused, and nothing changed
            cs.suspicions()

        fresh = ct.ClaimSet.from_json(cs.to_json())
        assert cs.suspicions(min_score=0) == fresh.suspicions(min_score=0)


class TestRecordingOrder:
    def test_copying_direction_does_not_depend_on_it(self) -> None:
        """A source's first date on a claim is the same in any order."""
        records: list[ct.Record] = [
            ct.Source(id="a", name="A"),
            ct.Source(id="b", name="B"),
            *(ct.Claim(id=f"c{n}", text=f"Claim {n}") for n in range(4)),
        ]
        statements: list[ct.Record] = []
        for n in range(4):
            statements.extend(
                (
                    ct.Statement(
                        id=f"a{n}-1", claim=f"c{n}", source="a", date="2020-01"
                    ),
                    ct.Statement(
                        id=f"a{n}-2",
                        claim=f"c{n}",
                        source="a",
                        date="2020-01-01",
                    ),
                    ct.Statement(
                        id=f"b{n}",
                        claim=f"c{n}",
                        source="b",
                        date="2020-01-15",
                    ),
                )
            )
        forward, backward = ct.ClaimSet(), ct.ClaimSet()
        forward.record_many([*records, *statements])
        backward.record_many([*records, *reversed(statements)])

        found = forward.suspicions(min_score=0)

        assert found == backward.suspicions(min_score=0)
        assert [(s.records, s.ordered) for s in found] == [(("a", "b"), True)]


# Every ASCII character that \w does not match: what separates words.
_SEPARATORS = "".join(
    chr(c) for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")
)


def _words(text: str) -> list[str]:
    """The words claimtrack compares, by the rule the docs state."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def _longest_run(later: list[str], earlier: list[str]) -> tuple[int, int, int]:
    """(length, later start, earlier start): the first longest, by force."""
    best = (0, 0, 0)
    for i in range(len(later)):
        for j in range(len(earlier)):
            k = 0
            while (
                i + k < len(later)
                and j + k < len(earlier)
                and later[i + k] == earlier[j + k]
            ):
                k += 1
            if k > best[0]:
                best = (k, i, j)
    return best


def _dated_pair(original: str, copy: str) -> ct.ClaimSet:
    cs = ct.ClaimSet()
    cs.record_document("original", date="2025-01-01", text=original)
    cs.record_document("copy", date="2025-01-02", text=copy)
    return cs


class TestReusedTextWords:
    @given(
        separators=st.lists(
            st.text(st.sampled_from(_SEPARATORS), min_size=1, max_size=3),
            min_size=80,
            max_size=80,
        ),
        upper=st.lists(st.booleans(), min_size=80, max_size=80),
        accented_copy=st.booleans(),
    )
    def test_ascii_and_unicode_texts_cut_alike(
        self, separators: list[str], upper: list[bool], accented_copy: bool
    ) -> None:
        """
        An ASCII text and a copy with one accented word share every word.

        ASCII texts are cut by a shortcut; others by NFKC normalisation,
        case folding and a word pattern. Both must give the same words.
        """
        words = [*RELEASE.split(), "snake_case", "A1_b2", "_", "42"]
        text = "".join(
            (word.upper() if up else word) + gap
            for word, up, gap in zip(words, upper, separators, strict=False)
        )
        accented = "Café au lait. " + text
        original, copy = (
            (text, accented) if accented_copy else (accented, text)
        )

        (found,) = _dated_pair(original, copy).suspicions(
            kinds=["reused_text"]
        )

        expected = _words(text)
        passage = found.data["passage"]
        assert passage["words"] == len(expected)
        assert passage["text"] == " ".join(expected)
        assert passage["copy_start"] == (3 if accented_copy else 0)
        assert passage["original_start"] == (0 if accented_copy else 3)

    def test_a_copy_with_one_word_changed(self) -> None:
        """The longest passage is the longer side of an edit, placed exactly."""
        words = _words(RELEASE)
        edited = [*words[:30], "edited", *words[31:]]

        (found,) = _dated_pair(RELEASE, " ".join(edited)).suspicions(
            kinds=["reused_text"]
        )

        passage = found.data["passage"]
        assert passage["words"] == len(words) - 31
        assert passage["copy_start"] == passage["original_start"] == 31
        assert passage["text"] == " ".join(words[31:])

    @given(data=st.data())
    def test_the_passage_is_the_longest_run(self, data: st.DataObject) -> None:
        """Whenever reused text is found, its passage is the longest run."""
        # A small vocabulary, so that runs repeat within and across texts.
        vocabulary = data.draw(
            st.lists(
                st.sampled_from([f"w{n}" for n in range(40)]),
                min_size=3,
                max_size=20,
                unique=True,
            )
        )
        words = st.lists(st.sampled_from(vocabulary), max_size=10)
        original = data.draw(
            st.lists(st.sampled_from(vocabulary), min_size=30, max_size=120)
        )
        # Long spans of the original, with other words around them.
        spans = st.integers(0, len(original) - 20).flatmap(
            lambda start: st.integers(start + 15, len(original)).map(
                lambda end: original[start:end]
            )
        )
        pieces = data.draw(
            st.lists(st.one_of(spans, words), min_size=1, max_size=5)
        )
        copy = [word for piece in pieces for word in piece] or ["h"]
        cs = _dated_pair(" ".join(original), " ".join(copy))

        for found in cs.suspicions(kinds=["reused_text"], min_score=0):
            length, start, other = _longest_run(copy, original)
            passage = found.data["passage"]
            assert passage["words"] == length
            assert passage["copy_start"] == start
            assert passage["original_start"] == other
            assert passage["text"] == " ".join(copy[start : start + length])
