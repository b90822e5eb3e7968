# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._claimset`: the claim set's queries and verbs."""

from __future__ import annotations

import pytest

import claimtrack as ct


class TestLookups:
    @pytest.mark.parametrize(
        ("lookup", "kind"),
        [
            ("source", "source"),
            ("document", "document"),
            ("claim", "claim"),
            ("statement", "statement"),
            ("get_link", "link"),
        ],
    )
    def test_lookups(self, cs: ct.ClaimSet, lookup: str, kind: str) -> None:
        """Looking up an unknown id names the kind expected."""
        with pytest.raises(
            ct.UnknownReferenceError, match=f"unknown {kind} 'ghost'"
        ):
            getattr(cs, lookup)("ghost")

    def test_lookup_of_wrong_kind(self, cs: ct.ClaimSet) -> None:
        """Looking up a document as a source says it is a document."""
        with pytest.raises(
            ct.UnknownReferenceError,
            match="'communique' is a document, not a source",
        ):
            cs.source("communique")

    def test_getitem_and_get(self, cs: ct.ClaimSet) -> None:
        """`cs[id]` raises for unknown ids where `get` returns None."""
        assert cs["strike"] is cs.claim("strike")
        assert cs.get("ghost") is None
        assert "ghost" not in cs
        with pytest.raises(ct.UnknownReferenceError):
            cs["ghost"]


class TestCopy:
    def test_copy_is_equal_and_independent(self, cs: ct.ClaimSet) -> None:
        """A copy equals the set, and recording in it leaves the set."""
        copy = cs.copy()
        assert copy == cs
        assert copy is not cs
        copy.record_source("radio", name="Radio")
        assert copy != cs
        assert "radio" not in cs


class TestGeneratedIds:
    def test_same_content_same_id(self, cs: ct.ClaimSet) -> None:
        """Two sets give the same content the same generated id."""
        other = cs.copy()
        fields = {
            "claim": "strike",
            "source": "outlet",
            "date": "2025-06-05",
            "document": "article",
            "derives_from": ["s1"],
            "via": "relays",
        }
        first = cs.record_statement(**fields)  # type: ignore[arg-type]
        second = other.record_statement(**fields)  # type: ignore[arg-type]
        assert first.id == second.id
        assert first.id.startswith("stmt-")

    def test_recording_twice_is_a_no_op(self, cs: ct.ClaimSet) -> None:
        """The same content recorded again returns the recorded statement."""
        first = cs.record_statement(
            claim="strike", source="outlet", quote="A strike."
        )
        size = len(cs)
        second = cs.record_statement(
            claim="strike", source="outlet", quote="A strike."
        )
        assert second is first
        assert len(cs) == size

    @pytest.mark.parametrize(
        "change",
        [
            {"source": "wire"},
            {"claim": "deaths"},
            {"stance": "denies"},
            {"date": "2025-06-06"},
            {"date": "2025-06"},
            {"document": "article"},
            {"derives_from": ["s1"]},
            {"quote": "Another quote."},
            {"modality": "alleged"},
        ],
    )
    def test_different_content_different_id(
        self, cs: ct.ClaimSet, change: dict[str, object]
    ) -> None:
        """Changing any field gives a different generated id."""
        base: dict[str, object] = {
            "claim": "strike",
            "source": "outlet",
            "date": "2025-06-05",
            "quote": "A strike.",
        }
        first = cs.record_statement(**base)  # type: ignore[arg-type]
        second = cs.record_statement(**{**base, **change})  # type: ignore[arg-type]
        assert second.id != first.id
        assert len(cs.statements) == 3

    def test_resolved_relative_date_gives_the_same_id(
        self, cs: ct.ClaimSet
    ) -> None:
        """A relative date is resolved before the id is made."""
        first = cs.record_statement(
            claim="strike", source="outlet", date="2025-06-04"
        )
        second = cs.record_statement(
            claim="strike",
            source="outlet",
            date="Wednesday",
            relative_to="2025-06-05",
        )
        assert second is first

    def test_explicit_id_is_kept(self, cs: ct.ClaimSet) -> None:
        """An explicit id is used as given."""
        made = cs.record_statement("mine", claim="strike", source="outlet")
        assert made.id == "mine"
        assert cs.statement("mine") is made

    def test_generated_id_may_derive_from_any_id(
        self, cs: ct.ClaimSet
    ) -> None:
        """A statement with a generated id may derive from 'pending'."""
        cs.record_statement("pending", claim="strike", source="army")
        made = cs.record_statement(
            claim="strike", source="outlet", derives_from=["pending"]
        )
        assert made.derives_from == ("pending",)


class TestFindSources:
    @pytest.mark.parametrize(
        "name",
        [
            "Forces Armées Maliennes",
            "forces armées maliennes",
            "FORCES ARMEES MALIENNES",
            "  forces   armees maliennes ",
            "FAMa",
            "fama",
            "MALIAN ARMY",
        ],
    )
    def test_matches_name_or_alias(self, cs: ct.ClaimSet, name: str) -> None:
        """Names and aliases match regardless of case, accents, spacing."""
        assert cs.find_sources(name) == (cs.source("army"),)

    @pytest.mark.parametrize(
        ("name", "found"),
        [
            ("Forces", ["army"]),
            ("FAM", ["army"]),
            ("armée", ["army"]),
            ("Staff", ["staff"]),
            ("al", ["army", "staff", "mali", "aes", "outlet"]),
            ("wire", ["wire"]),
            ("nowhere", []),
            ("", []),
            ("   ", []),
        ],
    )
    def test_matches_pieces_of_names(
        self, cs: ct.ClaimSet, name: str, found: list[str]
    ) -> None:
        """A piece of a name or alias matches, case and accents aside."""
        assert [s.id for s in cs.find_sources(name)] == found

    def test_whole_names_come_first(self, cs: ct.ClaimSet) -> None:
        """A source named exactly so comes before those that contain it."""
        cs.record_source("mali-twin", name="Mali's press office")
        cs.record_source("m", name="Le Journal de Mali", aliases=["Mali"])

        assert [s.id for s in cs.find_sources("mali")] == [
            "mali",
            "m",
            "army",
            "mali-twin",
        ]

    @pytest.mark.parametrize("name", [None, 1, ["mali"]])
    def test_refuses_what_is_not_text(
        self, cs: ct.ClaimSet, name: object
    ) -> None:
        """A name that is not a string is an InvalidValueError."""
        with pytest.raises(ct.InvalidValueError):
            cs.find_sources(name)  # type: ignore[arg-type]

    def test_shared_name_finds_all_in_order(self, cs: ct.ClaimSet) -> None:
        """Sources sharing a name are all found, in recording order."""
        cs.record_source("radio", name="Radio Mali", aliases=["ORTM"])
        cs.record_source("tv", name="ORTM Télévision", aliases=["ortm"])
        assert [s.id for s in cs.find_sources("Ortm")] == ["radio", "tv"]

    def test_accented_alias_matches_plain_text(self, cs: ct.ClaimSet) -> None:
        """An accented alias is found without its accents."""
        cs.record_source(
            "gov", name="Government", aliases=["Gouvernement Malien"]
        )
        cs.record_source("pm", name="Primature", aliases=["Prémier Ministre"])
        assert [s.id for s in cs.find_sources("premier ministre")] == ["pm"]


class TestFindClaims:
    @pytest.mark.parametrize(
        ("criteria", "expected"),
        [
            ({"place": "gao"}, ["strike", "frappe", "deaths"]),
            ({"place": "Menaka"}, ["deaths"]),
            ({"place": "MÉNAKA"}, ["deaths"]),
            ({"place": "Kidal"}, []),
            ({"tag": "DRONE"}, ["strike", "frappe"]),
            ({"tag": "strike"}, ["strike"]),
            ({"tag": "casualties"}, ["deaths"]),
            ({"tag": "Gao"}, []),
            ({"text": "drone"}, ["strike", "frappe"]),
            ({"text": "MARCHE"}, ["frappe"]),
            ({"text": "civilians died"}, ["deaths"]),
            ({"text": "gao"}, ["strike", "frappe", "deaths"]),
            ({"place": "Gao", "tag": "drone"}, ["strike", "frappe"]),
            ({"place": "Ménaka", "tag": "drone"}, []),
            ({"place": "Gao", "tag": "drone", "text": "market"}, ["strike"]),
            ({"tag": "drone", "text": "frappe"}, ["frappe"]),
            ({}, ["strike", "frappe", "deaths"]),
        ],
    )
    def test_matches_every_criterion(
        self, cs: ct.ClaimSet, criteria: dict[str, str], expected: list[str]
    ) -> None:
        """Claims matching all criteria are found, in recording order."""
        found = cs.find_claims(**criteria)
        assert [c.id for c in found] == expected


class TestRelatedClaims:
    @pytest.fixture(name="linked")
    def _linked(self, cs: ct.ClaimSet) -> ct.ClaimSet:
        """The strike claims cross-referenced with each other."""
        cs.record_claim("none", text="No strike took place.")
        cs.link("frappe", "same_as", "strike", id="fr")
        cs.link("none", "contradicts", "strike", id="no")
        cs.link("deaths", "supports", "strike", id="dt")
        return cs

    def test_lists_links_from_both_ends(self, linked: ct.ClaimSet) -> None:
        """Each link is given with the other claim's id."""
        related = linked.related_claims("strike")
        assert [(lk.id, other) for lk, other in related] == [
            ("fr", "frappe"),
            ("no", "none"),
            ("dt", "deaths"),
        ]
        assert [
            (lk.id, other) for lk, other in linked.related_claims("none")
        ] == [("no", "strike")]

    @pytest.mark.parametrize(
        ("relation", "expected"),
        [
            ("contradicts", ["none"]),
            (ct.Relation.SUPPORTS, ["deaths"]),
            ("same_as", ["frappe"]),
            ("related", []),
        ],
    )
    def test_filters_by_relation(
        self, linked: ct.ClaimSet, relation: str, expected: list[str]
    ) -> None:
        """Only links of the given relation are listed."""
        related = linked.related_claims("strike", relation)
        assert [other for _, other in related] == expected

    def test_unknown_claim(self, linked: ct.ClaimSet) -> None:
        """Asking about an unknown claim raises."""
        with pytest.raises(ct.UnknownReferenceError, match="'ghost'"):
            linked.related_claims("ghost")

    def test_claim_class_is_sorted_and_transitive(
        self, linked: ct.ClaimSet
    ) -> None:
        """Every same_as wording is in the class, sorted by id."""
        assert linked.claim_class("deaths") == ("deaths",)
        linked.record_claim("strike-2", text="Gao market struck.")
        linked.link("strike-2", "same_as", "frappe")
        expected = ("frappe", "strike", "strike-2")
        for member in expected:
            assert linked.claim_class(member) == expected

    def test_contradicts_does_not_merge_claims(
        self, linked: ct.ClaimSet
    ) -> None:
        """Only same_as puts claims in one class."""
        assert linked.claim_class("none") == ("none",)
        assert linked.claim_class("strike") == ("frappe", "strike")

    def test_statements_for_covers_the_class(
        self, linked: ct.ClaimSet
    ) -> None:
        """Statements about any same_as wording count for the claim."""
        french = linked.record_statement(
            "s2", claim="frappe", source="outlet", date="2025-06-05"
        )
        other = linked.record_statement("s3", claim="deaths", source="wire")
        original = linked.statement("s1")
        assert set(linked.statements_for("strike")) == {original, french}
        assert set(linked.statements_for("frappe")) == {original, french}
        assert linked.statements_about("frappe") == (french,)
        assert linked.statements_for("deaths") == (other,)

    def test_claim_class_of_unknown(self, cs: ct.ClaimSet) -> None:
        """A claim class needs a recorded claim."""
        with pytest.raises(ct.UnknownReferenceError):
            cs.claim_class("army")

    def test_related_claims_unknown_relation(self, cs: ct.ClaimSet) -> None:
        """Filtering by an unknown relation is an invalid value."""
        with pytest.raises(ct.InvalidValueError):
            cs.related_claims("strike", relation="bogus")


class TestDateOf:
    def test_by_id_or_record(self, cs: ct.ClaimSet) -> None:
        """date_of takes a statement id or the record itself."""
        cs.record_statement(
            "s2", claim="strike", source="outlet", document="article"
        )

        assert cs.date_of("s2") == ct.PartialDate.parse("2025-06-05")
        assert cs.date_of(cs.statement("s2")) == cs.date_of("s2")
        assert cs.date_of("s1") == ct.PartialDate.parse("2025-06-04")

    @pytest.mark.parametrize("id", ["nope", "strike", None, 3])
    def test_unknown_id(self, cs: ct.ClaimSet, id: object) -> None:
        """An id that names no statement is UnknownReferenceError."""
        with pytest.raises(ct.UnknownReferenceError):
            cs.date_of(id)  # type: ignore[arg-type]

    def test_not_yet_names_the_document_date(self, cs: ct.ClaimSet) -> None:
        """An explanation gives a document's date, never 'None'."""
        cs.record_statement(
            "s2", claim="strike", source="outlet", document="article"
        )

        text = cs.corroboration("strike", as_of="2025-06-04").explain()

        assert (
            "Not yet: s2 by Le Journal [outlet] is dated 2025-06-05 (the "
            "date of its document article), after 2025-06-04." in text
        )
        assert "None" not in text


class _BrokenHash(str):
    """A string whose own hash and equality fail, as a hostile id might."""

    __slots__ = ()

    def __hash__(self) -> int:
        raise RuntimeError("no hash")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no equality")


class TestHostileArguments:
    """Bad arguments give a ClaimtrackError or a clean answer, never more."""

    @pytest.mark.parametrize("other", [None, ["x"], "claims.json", 3])
    def test_merge_refuses_what_is_not_a_claim_set(
        self, other: object
    ) -> None:
        """merge() names its argument instead of failing inside."""
        cs = ct.example()
        before = cs.to_json()
        with pytest.raises(ct.InvalidValueError, match="other"):
            cs.merge(other)  # type: ignore[arg-type]
        assert cs.to_json() == before

    def test_ids_with_a_failing_hash_are_looked_up_by_their_text(
        self,
    ) -> None:
        """A str subclass is looked up by its text, never its own hash."""
        cs = ct.example()
        claim = _BrokenHash("c1")
        assert claim in cs
        assert cs[claim].id == "c1"
        assert cs.get(claim) is not None
        assert cs.corroboration(claim).claim == "c1"
        assert cs.statements_about(claim) == cs.statements_about("c1")
        assert cs.links_of(claim) == cs.links_of("c1")
        assert cs.get(_BrokenHash("nothing")) is None
        with pytest.raises(ct.UnknownReferenceError):
            cs.source(_BrokenHash("nothing"))

    @pytest.mark.parametrize("id", [None, [], {}, 3, b"c1"])
    def test_ids_that_are_not_strings_name_nothing(self, id: object) -> None:
        """Look-ups answer 'not there' for ids that are not strings."""
        cs = ct.example()
        assert id not in cs
        assert cs.get(id) is None  # type: ignore[arg-type]
        with pytest.raises(ct.UnknownReferenceError):
            cs[id]  # type: ignore[index]
        with pytest.raises(ct.UnknownReferenceError):
            cs.claim(id)  # type: ignore[arg-type]
        with pytest.raises(ct.UnknownReferenceError):
            cs.canonical_source(id)  # type: ignore[arg-type]


class TestStatementsAboutIndex:
    def test_order_kept_before_and_after_the_first_question(self) -> None:
        """
        Statements about a claim come in recording order, however recorded.

        The index is made on the first question and kept from then on:
        statements recorded one by one (quick or full path), in a batch,
        in a document and as retractions, before and after it.
        """
        cs = ct.ClaimSet()
        cs.record_source("src", name="A source")
        cs.record_claim("c1", text="One.")
        cs.record_claim("c2", text="Two.")
        cs.record_document("d1", publisher="src", date="2024-05-02")
        order: dict[str, list[str]] = {"c1": [], "c2": []}

        def said(id: str, claim: str, **fields: str) -> None:
            cs.record_statement(id, claim=claim, source="src", **fields)
            order[claim].append(id)

        said("a", "c1", date="2024-05-01")
        said("b", "c2")
        said("c", "c1", document="d1")
        cs.record_many(
            [
                ct.Statement(id="d", claim="c2", source="src"),
                ct.Statement(id="e", claim="c1", source="src"),
            ]
        )
        order["c2"].append("d")
        order["c1"].append("e")
        for claim in ("c1", "c2"):
            ids = [s.id for s in cs.statements_about(claim)]
            assert ids == order[claim]
        said("f", "c2", stance="retracts", target="b")
        said("g", "c1", derives_from=["a"], via="relays")  # type: ignore[arg-type]
        said("h", "c2")
        for claim in ("c1", "c2"):
            ids = [s.id for s in cs.statements_about(claim)]
            assert ids == order[claim]
        assert cs.statements_about("c2") == tuple(
            cs.statement(id) for id in order["c2"]
        )

    def test_a_claim_without_statements(self) -> None:
        """A claim nobody made has no statements, before and after."""
        cs = ct.ClaimSet()
        cs.record_claim("c1", text="One.")
        assert cs.statements_about("c1") == ()
        assert cs.statements_for("c1") == ()
