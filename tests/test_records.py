# SPDX-License-Identifier: MIT
"""Tests for the record classes and their validation in `ClaimSet`."""

from __future__ import annotations

import re

from collections.abc import Callable

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct

from .strategies import next_records


@pytest.fixture(name="cs")
def _cs() -> ct.ClaimSet:
    """Sources, documents, claims and one statement about a strike."""
    cs = ct.ClaimSet()
    cs.record_source(
        "army",
        name="Forces Armées Maliennes",
        kind="armed_force",
        aliases=["FAMa", "Malian army"],
        reliability="C",
    )
    cs.record_source("staff", name="General Staff", kind="armed_force")
    cs.record_source("mali", name="Mali", kind="state")
    cs.record_source("aes", name="Alliance of Sahel States", kind="alliance")
    cs.record_source("outlet", name="Le Journal", kind="news_outlet")
    cs.record_source("wire", name="The Wire", kind="wire_agency")
    cs.record_document(
        "communique", publisher="staff", date="2025-06-04", kind="communique"
    )
    cs.record_document("article", publisher="outlet", date="2025-06-05")
    cs.record_claim(
        "strike",
        text="A drone strike hit the market in Gao.",
        places=["Gao"],
        event_date="2025-06-03",
        tags=["drone", "Strike"],
    )
    cs.record_claim(
        "frappe",
        text="Une frappe de drone a touché le marché de Gao.",
        places=["Gao"],
        tags=["drone"],
    )
    cs.record_claim(
        "deaths",
        text="Twelve civilians died in Gao and Ménaka.",
        places=["Gao", "Ménaka"],
        tags=["casualties"],
    )
    cs.record_statement(
        "s1",
        claim="strike",
        source="staff",
        date="2025-06-04",
        document="communique",
    )
    return cs


def refuse(
    cs: ct.ClaimSet,
    error: type[Exception],
    action: Callable[[], object],
    match: str | None = None,
) -> pytest.ExceptionInfo[Exception]:
    """Check that *action* raises *error* and leaves *cs* as it was."""
    before, size = cs.copy(), len(cs)
    with pytest.raises(error, match=match) as info:
        action()
    assert len(cs) == size
    assert cs == before
    return info


def statement(
    id: str, claim: str = "strike", source: str = "outlet", **fields: object
) -> ct.Statement:
    """Build a statement, about the strike by the outlet unless told."""
    return ct.Statement(id=id, claim=claim, source=source, **fields)  # type: ignore[arg-type]


BAD_IDS = ["", " army", "army ", "\tx", " ", 42, None, ["a"]]


class TestIds:
    @pytest.mark.parametrize("bad", BAD_IDS)
    def test_source_id_must_be_trimmed_text(
        self, cs: ct.ClaimSet, bad: object
    ) -> None:
        """Empty, padded or non-string source ids are refused."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_source(bad, name="X"),  # type: ignore[arg-type]
            match="non-empty string without surrounding spaces",
        )
        assert info.value.field == "id"  # type: ignore[attr-defined]

    @pytest.mark.parametrize("bad", BAD_IDS)
    def test_claim_id_must_be_trimmed_text(
        self, cs: ct.ClaimSet, bad: object
    ) -> None:
        """Empty, padded or non-string claim ids are refused."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_claim(bad, text="A claim."),  # type: ignore[arg-type]
        )

    @pytest.mark.parametrize("bad", BAD_IDS)
    def test_document_id_must_be_trimmed_text(
        self, cs: ct.ClaimSet, bad: object
    ) -> None:
        """Empty, padded or non-string document ids are refused."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_document(bad),  # type: ignore[arg-type]
        )

    @pytest.mark.parametrize("bad", [b for b in BAD_IDS if b is not None])
    def test_statement_id_must_be_trimmed_text(
        self, cs: ct.ClaimSet, bad: object
    ) -> None:
        """An explicit statement id must be trimmed non-empty text."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                bad,  # type: ignore[arg-type]
                claim="strike",
                source="army",
            ),
        )

    @pytest.mark.parametrize("bad", [b for b in BAD_IDS if b is not None])
    def test_link_id_must_be_trimmed_text(
        self, cs: ct.ClaimSet, bad: object
    ) -> None:
        """An explicit link id must be trimmed non-empty text."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("staff", "part_of", "army", id=bad),  # type: ignore[arg-type]
        )

    @pytest.mark.parametrize("field", ["claim", "source"])
    @pytest.mark.parametrize("bad", ["", " strike", 7])
    def test_statement_references_must_be_ids(
        self, field: str, bad: object
    ) -> None:
        """A statement's claim and source must be well-formed ids."""
        fields: dict[str, object] = {"claim": "strike", "source": "army"}
        fields[field] = bad
        with pytest.raises(ct.InvalidValueError) as info:
            ct.Statement(id="s", **fields)  # type: ignore[arg-type]
        assert info.value.field == field

    @pytest.mark.parametrize("field", ["subject", "object"])
    def test_link_ends_must_be_ids(self, field: str) -> None:
        """A link's subject and object must be well-formed ids."""
        fields: dict[str, object] = {"subject": "a", "object": "b"}
        fields[field] = "b "
        with pytest.raises(ct.InvalidValueError) as info:
            ct.Link(id="l", relation="part_of", **fields)  # type: ignore[arg-type]
        assert info.value.field == field


class TestSource:
    @pytest.mark.parametrize("letter", ["A", "B", "C", "D", "E", "F", None])
    def test_accepts_admiralty_letters(self, letter: str | None) -> None:
        """The letters A to F, or no rating, are accepted."""
        source = ct.Source(id="s", name="S", reliability=letter)
        assert source.reliability == letter

    @pytest.mark.parametrize("letter", ["a", "f", "G", "Z", "", "AB", " A", 1])
    def test_refuses_other_reliability(
        self, cs: ct.ClaimSet, letter: object
    ) -> None:
        """Anything but an upper-case letter A-F is refused."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_source("radio", name="R", reliability=letter),  # type: ignore[arg-type]
            match="Admiralty letter",
        )
        assert info.value.field == "reliability"  # type: ignore[attr-defined]
        assert info.value.value == letter  # type: ignore[attr-defined]

    def test_refuses_unhashable_reliability(self) -> None:
        """A list is not a reliability letter."""
        with pytest.raises(ct.InvalidValueError):
            ct.Source(id="s", name="S", reliability=["A"])  # type: ignore[arg-type]

    def test_every_letter_has_a_meaning(self) -> None:
        """The documented letters are exactly A to F."""
        assert sorted(ct.RELIABILITY_LETTERS) == list("ABCDEF")

    def test_names_are_name_then_aliases(self, cs: ct.ClaimSet) -> None:
        """`names` lists the name followed by every alias."""
        assert cs.source("army").names == (
            "Forces Armées Maliennes",
            "FAMa",
            "Malian army",
        )
        assert cs.source("army").aliases == ("FAMa", "Malian army")

    @pytest.mark.parametrize("name", ["", "   ", None, 3])
    def test_name_must_be_text(self, name: object) -> None:
        """A source needs a non-empty name."""
        with pytest.raises(ct.InvalidValueError) as info:
            ct.Source(id="s", name=name)  # type: ignore[arg-type]
        assert info.value.field == "name"

    def test_kind_is_open_but_not_empty(self) -> None:
        """Any non-empty kind is accepted, an empty one is not."""
        assert ct.Source(id="s", name="S", kind="militia").kind == "militia"
        with pytest.raises(ct.InvalidValueError):
            ct.Source(id="s", name="S", kind=" ")

    def test_alias_must_be_text(self, cs: ct.ClaimSet) -> None:
        """An empty alias is refused."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_source("x", name="X", aliases=["ok", ""]),
        )

    def test_one_string_is_one_alias(self) -> None:
        """A single string given as aliases is one alias, not letters."""
        assert ct.Source(id="s", name="S", aliases="FAMa").aliases == (  # type: ignore[arg-type]
            "FAMa",
        )

    @pytest.mark.parametrize("blank", ["", "  "])
    def test_one_blank_string_is_no_alias(self, blank: str) -> None:
        """A single blank string given as aliases is refused."""
        with pytest.raises(ct.InvalidValueError, match="non-empty string"):
            ct.Source(id="s", name="S", aliases=blank)  # type: ignore[arg-type]

    def test_record_claim_takes_one_place_string(
        self, cs: ct.ClaimSet
    ) -> None:
        """A single place name given as a string is one place."""
        claim = cs.record_claim("raid", text="A raid.", places="Kidal")  # type: ignore[arg-type]
        assert claim.places == ("Kidal",)


class TestStatementFields:
    @pytest.mark.parametrize("stance", ["hints", "ASSERTS", "retract", 1])
    def test_unknown_stance(self, cs: ct.ClaimSet, stance: object) -> None:
        """Only asserts, denies and retracts are stances."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                claim="strike",
                source="army",
                stance=stance,  # type: ignore[arg-type]
            ),
        )
        assert info.value.field == "stance"  # type: ignore[attr-defined]

    @pytest.mark.parametrize("via", ["forwards", "RELAYS", 0])
    def test_unknown_via(self, cs: ct.ClaimSet, via: object) -> None:
        """Only relays, cites, copies and quotes are ways of deriving."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                claim="strike",
                source="outlet",
                derives_from=["s1"],
                via=via,  # type: ignore[arg-type]
            ),
        )
        assert info.value.field == "via"  # type: ignore[attr-defined]

    def test_accepts_enum_members_and_values(self) -> None:
        """Stance and via accept their enum members or string values."""
        made = statement(
            "s", stance=ct.Stance.DENIES, derives_from=["p"], via="quotes"
        )
        assert made.stance is ct.Stance.DENIES
        assert made.via is ct.Via.QUOTES

    def test_via_without_derives_from(self, cs: ct.ClaimSet) -> None:
        """A statement cannot say how it derives from nothing."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                "s2", claim="strike", source="outlet", via="relays"
            ),
            match="derives from nothing",
        )
        assert info.value.field == "via"  # type: ignore[attr-defined]

    def test_retraction_needs_a_target(self, cs: ct.ClaimSet) -> None:
        """A retraction must name the statement it withdraws."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                "r", claim="strike", source="staff", stance="retracts"
            ),
            match="must name the statement it retracts",
        )
        assert info.value.field == "target"  # type: ignore[attr-defined]

    @pytest.mark.parametrize("stance", ["asserts", "denies"])
    def test_only_a_retraction_has_a_target(
        self, cs: ct.ClaimSet, stance: str
    ) -> None:
        """Asserting or denying statements have no target."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                "x", claim="strike", source="staff", stance=stance, target="s1"
            ),
            match="only a 'retracts' statement has a target",
        )

    def test_retraction_cannot_derive(self, cs: ct.ClaimSet) -> None:
        """A retraction is its source's own act, not a relay."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                "r",
                claim="strike",
                source="staff",
                stance="retracts",
                target="s1",
                derives_from=["s1"],
            ),
        )
        assert info.value.field == "derives_from"  # type: ignore[attr-defined]

    def test_derives_from_a_statement_twice(self, cs: ct.ClaimSet) -> None:
        """Listing a parent twice is refused."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                "s2",
                claim="strike",
                source="outlet",
                derives_from=["s1", "s1"],
            ),
            match="lists a statement twice",
        )

    def test_derives_from_itself(self, cs: ct.ClaimSet) -> None:
        """A statement deriving from itself is a relay cycle of one."""
        info = refuse(
            cs,
            ct.RelayCycleError,
            lambda: cs.record_statement(
                "s2", claim="strike", source="outlet", derives_from=["s2"]
            ),
        )
        assert info.value.cycle == ("s2",)  # type: ignore[attr-defined]

    def test_origin_and_derived(self) -> None:
        """Only a non-retraction that derives from nothing is an origin."""
        assert statement("a").is_origin
        assert not statement("b", derives_from=["a"]).is_origin
        assert not statement("c", stance="retracts", target="a").is_origin

    def test_claim_is_required(self, cs: ct.ClaimSet) -> None:
        """A statement that is no retraction must name its claim."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement("s2", source="outlet"),
            match="must name its claim",
        )

    def test_modality_is_kept_exactly(self, cs: ct.ClaimSet) -> None:
        """The modality is stored as written."""
        made = cs.record_statement(
            claim="strike", source="outlet", modality="Allegedly, reportedly"
        )
        assert made.modality == "Allegedly, reportedly"


class TestLinkFields:
    @pytest.mark.parametrize("relation", ["allied_with", "PART_OF", "", 3])
    def test_unknown_relation_direct(self, relation: object) -> None:
        """Building a link with an unknown relation is refused."""
        with pytest.raises(ct.InvalidValueError) as info:
            ct.Link(id="l", subject="a", relation=relation, object="b")  # type: ignore[arg-type]
        assert info.value.field == "relation"

    def test_unknown_relation_with_explicit_id(self, cs: ct.ClaimSet) -> None:
        """`link` refuses an unknown relation when given an id."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("staff", "allied_with", "army", id="l"),
            match="allied_with",
        )

    def test_unknown_relation_without_id(self, cs: ct.ClaimSet) -> None:
        """`link` refuses an unknown relation with `InvalidValueError`."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("staff", "allied_with", "army"),
        )

    def test_related_claims_unknown_relation(self, cs: ct.ClaimSet) -> None:
        """Filtering by an unknown relation is an invalid value."""
        with pytest.raises(ct.InvalidValueError):
            cs.related_claims("strike", relation="bogus")

    def test_default_id_names_ends_and_dates(self, cs: ct.ClaimSet) -> None:
        """The generated link id spells out the link and its dates."""
        made = cs.link("mali", "member_of", "aes", valid_from="2023-09-16")
        assert made.id == "mali member_of aes from 2023-09-16"
        bounded = cs.link(
            "army", "part_of", "mali", valid_from="2020", valid_to="2024-02"
        )
        assert bounded.id == "army part_of mali from 2020 until 2024-02"
        assert cs.get_link(bounded.id) == bounded

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("2021", "2021"),
            ("2022", "2021"),
            ("2021-06-04", "2021-06-04"),
            ("2021-06-04", "2021-06-03"),
            ("2021-07", "2021-06-30"),
            ("2021-06-04T10:00:00+00:00", "2021-06-04T11:00:00+02:00"),
        ],
    )
    def test_empty_or_reversed_interval(
        self, cs: ct.ClaimSet, start: str, end: str
    ) -> None:
        """`valid_to` must come after `valid_from`."""
        info = refuse(
            cs,
            ct.InvalidIntervalError,
            lambda: cs.link(
                "army", "part_of", "mali", valid_from=start, valid_to=end
            ),
        )
        assert info.value.value == (start, end)  # type: ignore[attr-defined]

    def test_empty_interval_when_built_directly(self) -> None:
        """A `Link` with an empty interval cannot be built."""
        with pytest.raises(ct.InvalidIntervalError) as info:
            ct.Link(
                id="l",
                subject="a",
                relation="part_of",
                object="b",
                valid_from="2021",
                valid_to="2021",
            )
        assert info.value.link == "l"

    @pytest.mark.parametrize(
        ("start", "end"),
        [("2021", "2022"), ("2021", "2021-06"), ("2021-06-30", "2021-07")],
    )
    def test_forward_or_undecidable_interval_is_fine(
        self, cs: ct.ClaimSet, start: str, end: str
    ) -> None:
        """An interval that ends later, or may, is accepted."""
        made = cs.link(
            "army", "part_of", "mali", valid_from=start, valid_to=end
        )
        assert made.valid_from == ct.PartialDate.parse(start)
        assert made.valid_to == ct.PartialDate.parse(end)
        assert made.is_dated


class TestDuplicates:
    def test_same_kind_different_record(self, cs: ct.ClaimSet) -> None:
        """Reusing a source id for a different source is refused."""
        info = refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.record_source("army", name="Another army"),
            match="'army'",
        )
        assert info.value.record_id == "army"  # type: ignore[attr-defined]
        assert cs.source("army").name == "Forces Armées Maliennes"

    def test_claim_reusing_a_source_id(self, cs: ct.ClaimSet) -> None:
        """A claim may not take a source's id."""
        refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.record_claim("army", text="The army did it."),
            match="refusing claim",
        )

    def test_source_reusing_a_claim_id(self, cs: ct.ClaimSet) -> None:
        """A source may not take a claim's id."""
        refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.record_source("strike", name="Strike Inc."),
            match="'strike'",
        )

    def test_link_reusing_a_document_id(self, cs: ct.ClaimSet) -> None:
        """A link's explicit id may not be a document's."""
        refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.link("staff", "part_of", "army", id="communique"),
        )

    def test_statement_reusing_an_id(self, cs: ct.ClaimSet) -> None:
        """A different statement under an existing statement id is refused."""
        refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.record_statement(
                "s1", claim="strike", source="staff", date="2025-06-05"
            ),
        )

    def test_identical_source_is_a_no_op(self, cs: ct.ClaimSet) -> None:
        """Recording an identical source again returns the one recorded."""
        before, size = cs.copy(), len(cs)
        existing = cs.source("army")
        again = cs.record_source(
            "army",
            name="Forces Armées Maliennes",
            kind="armed_force",
            aliases=("FAMa", "Malian army"),
            reliability="C",
        )
        assert again is existing
        assert len(cs) == size
        assert cs == before

    def test_identical_record_of_every_kind_is_a_no_op(
        self, cs: ct.ClaimSet
    ) -> None:
        """Each kind of record may be recorded again unchanged."""
        link = cs.link("staff", "part_of", "army")
        size = len(cs)
        for record in (
            ct.Source(id="mali", name="Mali", kind="state"),
            ct.Document(id="article", publisher="outlet", date="2025-06-05"),
            cs.claim("deaths"),
            cs.statement("s1"),
            ct.Link(
                id=link.id, subject="staff", relation="part_of", object="army"
            ),
        ):
            assert cs.record(record) is cs.get(record.id)
        assert cs.link("staff", "part_of", "army") is link
        assert len(cs) == size

    def test_identical_link_again(self, cs: ct.ClaimSet) -> None:
        """Linking the same ends the same way twice records one link."""
        cs.link("mali", "member_of", "aes", valid_from="2023-09-16")
        size = len(cs)
        cs.link("mali", "member_of", "aes", valid_from="2023-09-16")
        assert len(cs) == size
        assert len(cs.affiliations("mali")) == 1

    def test_link_id_reused_for_other_ends(self, cs: ct.ClaimSet) -> None:
        """An explicit link id cannot name two different links."""
        cs.link("staff", "part_of", "army", id="tie")
        refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.link("army", "part_of", "mali", id="tie"),
        )

    def test_duplicates_inside_one_batch(self, cs: ct.ClaimSet) -> None:
        """Two different records with one id in a batch are refused."""
        refuse(
            cs,
            ct.DuplicateIdError,
            lambda: cs.record_many(
                [
                    ct.Source(id="radio", name="Radio"),
                    ct.Claim(id="radio", text="Radio silence."),
                ]
            ),
        )

    def test_identical_records_inside_one_batch(self, cs: ct.ClaimSet) -> None:
        """The same record twice in a batch is recorded once."""
        size = len(cs)
        radio = ct.Source(id="radio", name="Radio")
        cs.record_many([radio, radio, ct.Source(id="radio", name="Radio")])
        assert len(cs) == size + 1
        assert cs.source("radio") == radio


class TestUnknownReferences:
    @pytest.mark.parametrize(
        ("fields", "kind", "missing"),
        [
            ({"claim": "ghost"}, "claim", "ghost"),
            ({"source": "ghost"}, "source", "ghost"),
            ({"document": "ghost"}, "document", "ghost"),
            ({"derives_from": ["s1", "ghost"]}, "statement", "ghost"),
            ({"stance": "retracts", "target": "ghost"}, "statement", "ghost"),
        ],
    )
    def test_statement_references(
        self,
        cs: ct.ClaimSet,
        fields: dict[str, object],
        kind: str,
        missing: str,
    ) -> None:
        """Every id a statement names must be recorded."""
        given: dict[str, object] = {"claim": "strike", "source": "staff"}
        given.update(fields)
        info = refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record_statement("s2", **given),  # type: ignore[arg-type]
            match=f"unknown {kind} 'ghost'",
        )
        error = info.value
        assert error.kind == kind  # type: ignore[attr-defined]
        assert error.record_id == missing  # type: ignore[attr-defined]
        assert error.found is None  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "fields",
        [
            {"claim": "ghost"},
            {"source": "ghost"},
            {"derives_from": ["ghost"]},
            {"stance": "retracts", "target": "ghost"},
        ],
    )
    def test_statement_reference_names_the_referrer(
        self, cs: ct.ClaimSet, fields: dict[str, object]
    ) -> None:
        """The error names the statement whose field held the bad id."""
        given: dict[str, object] = {"claim": "strike", "source": "staff"}
        given.update(fields)
        with pytest.raises(
            ct.UnknownReferenceError, match=r"\(referred to by 's2'\)"
        ) as info:
            cs.record_statement("s2", **given)  # type: ignore[arg-type]
        assert info.value.referrer == "s2"

    def test_unknown_document_before_relative_date(
        self, cs: ct.ClaimSet
    ) -> None:
        """An unknown document is reported, not the unresolvable date."""
        refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record_statement(
                "s2",
                claim="strike",
                source="staff",
                document="ghost",
                date="Wednesday",
            ),
            match="unknown document 'ghost'",
        )

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"source": "communique"},
                "'communique' is a document, not a source",
            ),
            ({"claim": "army"}, "'army' is a source, not a claim"),
            ({"document": "strike"}, "'strike' is a claim, not a document"),
            (
                {"derives_from": ["frappe"]},
                "'frappe' is a claim, not a statement",
            ),
        ],
    )
    def test_statement_reference_of_wrong_kind(
        self, cs: ct.ClaimSet, fields: dict[str, object], message: str
    ) -> None:
        """An id of the wrong kind is reported as what it is."""
        given: dict[str, object] = {"claim": "strike", "source": "staff"}
        given.update(fields)
        refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record_statement("s2", **given),  # type: ignore[arg-type]
            match=re.escape(message),
        )

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"publisher": "ghost"}, "unknown source 'ghost'"),
            ({"authors": ["army", "ghost"]}, "unknown source 'ghost'"),
            ({"cites": ["ghost"]}, "unknown document 'ghost'"),
            ({"publisher": "strike"}, "'strike' is a claim, not a source"),
            ({"cites": ["army"]}, "'army' is a source, not a document"),
        ],
    )
    def test_document_references(
        self, cs: ct.ClaimSet, fields: dict[str, object], message: str
    ) -> None:
        """A document's publisher, authors and cited documents must exist."""
        refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record_document("memo", **fields),  # type: ignore[arg-type]
            match=re.escape(message),
        )

    def test_document_with_known_references(self, cs: ct.ClaimSet) -> None:
        """A document naming recorded sources and documents is accepted."""
        made = cs.record_document(
            "digest", authors=["army", "wire"], cites=["communique", "article"]
        )
        assert made.authors == ("army", "wire")
        assert made.cites == ("communique", "article")

    @pytest.mark.parametrize(
        ("subject", "obj", "missing"),
        [("ghost", "army", "ghost"), ("army", "ghost", "ghost")],
    )
    def test_link_ends(
        self, cs: ct.ClaimSet, subject: str, obj: str, missing: str
    ) -> None:
        """Both ends of a link must be recorded."""
        info = refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.link(subject, "part_of", obj),
            match=f"'{missing}'",
        )
        assert info.value.record_id == missing  # type: ignore[attr-defined]

    def test_link_end_of_wrong_kind(self, cs: ct.ClaimSet) -> None:
        """A link cannot end at a document."""
        refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.link("staff", "part_of", "communique"),
            match="'communique' is a document, not a source or claim",
        )

    def test_derives_from_a_retraction(self, cs: ct.ClaimSet) -> None:
        """Nothing can relay a retraction as if it were a statement."""
        cs.record_statement(
            "r1", source="staff", stance="retracts", target="s1"
        )
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_statement(
                "s2", claim="strike", source="outlet", derives_from=["r1"]
            ),
            match="cannot derive from a retraction",
        )

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

    def test_unknown_target_without_claim(self, cs: ct.ClaimSet) -> None:
        """A retraction of an unknown statement names that statement."""
        refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record_statement(
                "r1", source="staff", stance="retracts", target="ghost"
            ),
            match="ghost",
        )


class TestLinkRelations:
    @pytest.mark.parametrize(
        "relation", ["contradicts", "supports", "related"]
    )
    def test_claim_relation_between_sources(
        self, cs: ct.ClaimSet, relation: str
    ) -> None:
        """Claim-only relations cannot link sources."""
        info = refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("army", relation, "wire"),
            match="relates claims, not sources",
        )
        assert info.value.field == "relation"  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "relation",
        [
            "member_of",
            "controlled_by",
            "owned_by",
            "speaks_for",
            "employed_by",
            "funded_by",
            "copies_from",
        ],
    )
    def test_source_relation_between_claims(
        self, cs: ct.ClaimSet, relation: str
    ) -> None:
        """Source-only relations cannot link claims."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("strike", relation, "deaths"),
            match="relates sources, not claims",
        )

    @pytest.mark.parametrize(
        ("subject", "obj"), [("army", "strike"), ("strike", "army")]
    )
    @pytest.mark.parametrize("relation", ["same_as", "part_of", "related"])
    def test_source_and_claim_cannot_be_linked(
        self, cs: ct.ClaimSet, subject: str, obj: str, relation: str
    ) -> None:
        """A link joins two sources or two claims, never one of each."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link(subject, relation, obj),
            match="links join two sources or two claims",
        )

    @pytest.mark.parametrize("relation", sorted(ct.SOURCE_RELATIONS))
    def test_every_source_relation_links_sources(
        self, cs: ct.ClaimSet, relation: ct.Relation
    ) -> None:
        """Each source relation is accepted between two sources."""
        made = cs.link("outlet", relation, "wire")
        assert made.relation is relation
        assert cs.get_link(made.id) is made

    @pytest.mark.parametrize("relation", sorted(ct.CLAIM_RELATIONS))
    def test_every_claim_relation_links_claims(
        self, cs: ct.ClaimSet, relation: ct.Relation
    ) -> None:
        """Each claim relation is accepted between two claims."""
        made = cs.link("deaths", relation.value, "strike")
        assert made.relation is relation

    @pytest.mark.parametrize(
        "dates",
        [{"valid_from": "2024"}, {"valid_to": "2024"}],
    )
    @pytest.mark.parametrize("relation", ["same_as", "supports", "part_of"])
    def test_claim_links_carry_no_dates(
        self, cs: ct.ClaimSet, relation: str, dates: dict[str, str]
    ) -> None:
        """Claim cross-references hold timelessly."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("frappe", relation, "strike", **dates),
            match="only affiliations between sources hold between dates",
        )

    @pytest.mark.parametrize(
        "dates", [{"valid_from": "2024"}, {"valid_to": "2024"}]
    )
    def test_same_as_sources_carry_no_dates(
        self, cs: ct.ClaimSet, dates: dict[str, str]
    ) -> None:
        """Two records for one source are one source at every date."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link("staff", "same_as", "army", **dates),
            match="only affiliations",
        )

    @pytest.mark.parametrize(
        ("end", "relation"),
        [
            ("army", "funded_by"),
            ("army", "copies_from"),
            ("army", "same_as"),
            ("strike", "contradicts"),
            ("strike", "same_as"),
            ("strike", "related"),
        ],
    )
    def test_self_links(
        self, cs: ct.ClaimSet, end: str, relation: str
    ) -> None:
        """A record cannot be linked to itself."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.link(end, relation, end),
            match="links a record to itself",
        )

    def test_source_part_of_itself(self, cs: ct.ClaimSet) -> None:
        """A source part of itself is a cycle of one link."""
        info = refuse(
            cs,
            ct.AffiliationCycleError,
            lambda: cs.link("army", "part_of", "army"),
        )
        assert info.value.cycle == ("army",)  # type: ignore[attr-defined]

    def test_claim_part_of_itself(self, cs: ct.ClaimSet) -> None:
        """A claim cannot be part of itself."""
        refuse(
            cs,
            ct.ClaimtrackError,
            lambda: cs.link("strike", "part_of", "strike"),
        )


class TestAffiliationCycles:
    @pytest.fixture(name="trio")
    def _trio(self) -> ct.ClaimSet:
        """Three unlinked sources x, y and z."""
        cs = ct.ClaimSet()
        for id in ("x", "y", "z"):
            cs.record_source(id, name=id.upper())
        return cs

    def test_two_way_part_of(self, trio: ct.ClaimSet) -> None:
        """Two sources cannot each be part of the other at once."""
        trio.link("x", "part_of", "y", id="xy")
        info = refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "part_of", "x", id="yx"),
        )
        assert set(info.value.cycle) == {"x", "y"}  # type: ignore[attr-defined]
        assert set(info.value.links) == {"xy", "yx"}  # type: ignore[attr-defined]

    def test_three_links_of_mixed_hierarchy(self, trio: ct.ClaimSet) -> None:
        """Any hierarchical relations can close a cycle."""
        trio.link("x", "controlled_by", "y", id="xy")
        trio.link("y", "owned_by", "z", id="yz")
        info = refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("z", "speaks_for", "x", id="zx"),
        )
        assert set(info.value.links) == {"xy", "yz", "zx"}  # type: ignore[attr-defined]
        assert set(info.value.cycle) == {"x", "y", "z"}  # type: ignore[attr-defined]

    @pytest.mark.parametrize("relation", ["funded_by", "copies_from"])
    def test_non_hierarchical_relations_may_go_both_ways(
        self, trio: ct.ClaimSet, relation: str
    ) -> None:
        """Funding and copying may run in both directions."""
        trio.link("x", relation, "y")
        trio.link("y", relation, "x")
        assert len(trio.links) == 2

    def test_closed_by_same_as(self, trio: ct.ClaimSet) -> None:
        """Declaring z the same as x closes x -> y -> z."""
        trio.link("x", "part_of", "y")
        trio.link("y", "part_of", "z")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("z", "same_as", "x"),
        )

    def test_same_as_over_a_direct_link(self, trio: ct.ClaimSet) -> None:
        """Merging a unit with the body it is part of is a cycle."""
        trio.link("x", "part_of", "y")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("x", "same_as", "y"),
        )

    def test_closed_through_an_existing_same_as(
        self, trio: ct.ClaimSet
    ) -> None:
        """A link to a same_as twin of the subject closes a cycle."""
        trio.link("z", "same_as", "x")
        trio.link("x", "part_of", "y")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "member_of", "z"),
        )

    def test_closed_inside_record_many(self, trio: ct.ClaimSet) -> None:
        """A batch whose links form a cycle is refused whole."""
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.record_many(
                [
                    ct.Link(
                        id="a", subject="x", relation="part_of", object="y"
                    ),
                    ct.Link(
                        id="b", subject="y", relation="part_of", object="z"
                    ),
                    ct.Link(
                        id="c", subject="z", relation="part_of", object="x"
                    ),
                ]
            ),
        )

    def test_closed_by_same_as_inside_record_many(
        self, trio: ct.ClaimSet
    ) -> None:
        """A batch whose same_as closes a cycle is refused."""
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.record_many(
                [
                    ct.Source(id="x2", name="X again"),
                    ct.Link(
                        id="a", subject="x", relation="part_of", object="y"
                    ),
                    ct.Link(
                        id="b", subject="y", relation="part_of", object="x2"
                    ),
                    ct.Link(
                        id="c", subject="x2", relation="same_as", object="x"
                    ),
                ]
            ),
        )

    def test_batch_same_as_closes_old_links(self, trio: ct.ClaimSet) -> None:
        """A same_as in a batch can close a cycle of earlier links."""
        trio.link("x", "part_of", "y")
        trio.link("y", "part_of", "z")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.record_many(
                [ct.Link(id="m", subject="x", relation="same_as", object="z")]
            ),
        )

    def test_links_at_different_times(self, trio: ct.ClaimSet) -> None:
        """Links that never hold at one time make no cycle."""
        trio.link("x", "part_of", "y", valid_to="2021")
        trio.link("y", "part_of", "x", valid_from="2022")
        assert len(trio.links) == 2

    def test_links_that_meet_end_to_start(self, trio: ct.ClaimSet) -> None:
        """Validity is half-open: ending when the other starts is fine."""
        trio.link("x", "part_of", "y", valid_to="2021-06-01")
        trio.link("y", "part_of", "x", valid_from="2021-06-01")
        assert len(trio.links) == 2

    def test_links_at_different_times_in_a_batch(
        self, trio: ct.ClaimSet
    ) -> None:
        """A batch of links at different times makes no cycle."""
        trio.record_many(
            [
                ct.Link(
                    id="a",
                    subject="x",
                    relation="part_of",
                    object="y",
                    valid_from="2019",
                    valid_to="2021",
                ),
                ct.Link(
                    id="b",
                    subject="y",
                    relation="part_of",
                    object="x",
                    valid_from="2022",
                ),
            ]
        )
        assert [lk.id for lk in trio.links] == ["a", "b"]

    def test_at_different_times_through_same_as(
        self, trio: ct.ClaimSet
    ) -> None:
        """A same_as joining links that hold at different times is fine."""
        trio.link("x", "part_of", "y", valid_to="2021")
        trio.link("y", "part_of", "z", valid_from="2022")
        trio.link("z", "same_as", "x")
        assert trio.same_source("x") == ("x", "z")

    @pytest.mark.parametrize(
        ("first_to", "second_from"),
        [
            ("2021-06-15", "2021-06"),
            ("2021-06", "2021-06-10"),
            ("2021", "2021-03"),
            ("2021-06-15", "2021-06-15T08:00:00+00:00"),
        ],
    )
    def test_imprecise_possible_overlap(
        self, trio: ct.ClaimSet, first_to: str, second_from: str
    ) -> None:
        """Links that only may overlap, by imprecise dates, are accepted."""
        trio.link("x", "part_of", "y", valid_to=first_to)
        trio.link("y", "part_of", "x", valid_from=second_from)
        assert len(trio.links) == 2

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (
                {"valid_from": "2020", "valid_to": "2023"},
                {"valid_from": "2022"},
            ),
            ({}, {"valid_from": "2022"}),
            ({"valid_to": "2022"}, {"valid_to": "2021"}),
            ({"valid_from": "2021-06-15"}, {"valid_from": "2021-06-15"}),
        ],
    )
    def test_dated_links_that_overlap(
        self,
        trio: ct.ClaimSet,
        first: dict[str, str],
        second: dict[str, str],
    ) -> None:
        """Links that certainly hold at one time make a cycle."""
        trio.link("x", "part_of", "y", **first)
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "part_of", "x", **second),
        )

    def test_imprecise_starts_that_certainly_overlap(
        self, trio: ct.ClaimSet
    ) -> None:
        """Open-ended links starting in 2021 and June 2021 overlap in 2022."""
        trio.link("x", "part_of", "y", valid_from="2021")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "part_of", "x", valid_from="2021-06"),
        )


def is_ring(cycle: tuple[str, ...], parents: dict[str, list[str]]) -> bool:
    """Whether each id derives from the next, and the last from the first."""
    return all(
        cycle[(i + 1) % len(cycle)] in parents[node]
        for i, node in enumerate(cycle)
    )


class TestRelayCycles:
    def test_two_statements_in_a_batch(self, cs: ct.ClaimSet) -> None:
        """Two statements deriving from each other are refused."""
        info = refuse(
            cs,
            ct.RelayCycleError,
            lambda: cs.record_many(
                [
                    statement("a", derives_from=["b"]),
                    statement("b", source="wire", derives_from=["a"]),
                ]
            ),
        )
        assert sorted(info.value.cycle) == ["a", "b"]  # type: ignore[attr-defined]

    def test_names_exactly_the_cycle(self, cs: ct.ClaimSet) -> None:
        """Statements that lead into a cycle are not named in it."""
        parents = {
            "tail2": ["tail1"],
            "tail1": ["c1", "s1"],
            "c1": ["c2"],
            "c2": ["c3"],
            "c3": ["c1"],
            "aside": ["s1"],
        }
        info = refuse(
            cs,
            ct.RelayCycleError,
            lambda: cs.record_many(
                [
                    statement(id, derives_from=derived)
                    for id, derived in parents.items()
                ]
            ),
        )
        cycle = info.value.cycle  # type: ignore[attr-defined]
        assert sorted(cycle) == ["c1", "c2", "c3"]
        assert is_ring(cycle, parents)

    def test_cycle_found_from_its_middle(self, cs: ct.ClaimSet) -> None:
        """A cycle reached after its entry point is still exact."""
        parents = {
            "p": ["q"],
            "q": ["r"],
            "r": ["q", "s1"],
            "o": ["p"],
        }
        info = refuse(
            cs,
            ct.RelayCycleError,
            lambda: cs.record_many(
                [
                    statement(id, derives_from=derived)
                    for id, derived in reversed(parents.items())
                ]
            ),
        )
        cycle = info.value.cycle  # type: ignore[attr-defined]
        assert sorted(cycle) == ["q", "r"]
        assert is_ring(cycle, parents)

    def test_acyclic_batch_is_recorded(self, cs: ct.ClaimSet) -> None:
        """A diamond of derivations is no cycle."""
        cs.record_many(
            [
                statement("d", derives_from=["b", "c"]),
                statement("b", derives_from=["a"]),
                statement("c", source="wire", derives_from=["a"]),
                statement("a", source="army"),
            ]
        )
        assert cs.statement("d").derives_from == ("b", "c")


class TestTemporalConsistency:
    def test_derives_from_a_later_statement(self, cs: ct.ClaimSet) -> None:
        """A statement cannot relay what was said after it."""
        info = refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_statement(
                "early",
                claim="strike",
                source="outlet",
                date="2025-06-03",
                derives_from=["s1"],
            ),
        )
        assert info.value.statement == "early"  # type: ignore[attr-defined]
        assert info.value.later == "s1"  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "date",
        [
            "2025-06-04",
            "2025-06-05",
            "2025-06",
            "2025",
            "2025-06-04T08:00:00+00:00",
            None,
        ],
    )
    def test_same_day_later_or_undecidable_is_fine(
        self, cs: ct.ClaimSet, date: str | None
    ) -> None:
        """Same-day, later, undated and undecidable derivations are fine."""
        made = cs.record_statement(
            claim="strike", source="outlet", date=date, derives_from=["s1"]
        )
        assert cs.statement(made.id) is made

    def test_undated_parent_is_fine(self, cs: ct.ClaimSet) -> None:
        """Nothing can be inferred from a parent without a date."""
        cs.record_statement("undated", claim="strike", source="army")
        cs.record_statement(
            claim="strike",
            source="outlet",
            date="1990",
            derives_from=["undated"],
        )

    def test_later_parent_in_a_batch(self, cs: ct.ClaimSet) -> None:
        """Time order is checked within a batch too."""
        refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_many(
                [
                    statement(
                        "child", date="2025-06-01", derives_from=["parent"]
                    ),
                    statement("parent", source="army", date="2025-06-02"),
                ]
            ),
        )

    def test_retraction_before_its_target(self, cs: ct.ClaimSet) -> None:
        """A statement cannot be withdrawn before it was made."""
        info = refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_statement(
                "r1",
                source="staff",
                stance="retracts",
                target="s1",
                date="2025-06-03",
            ),
        )
        assert info.value.statement == "r1"  # type: ignore[attr-defined]
        assert info.value.later == "s1"  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "date", ["2025-06-04", "2025-06", "2025-06-04T23:00:00+00:00", None]
    )
    def test_retraction_same_day_or_undecidable(
        self, cs: ct.ClaimSet, date: str | None
    ) -> None:
        """A retraction the same day, or of undecidable order, is fine."""
        made = cs.record_statement(
            "r1", source="staff", stance="retracts", target="s1", date=date
        )
        assert cs.retractions_of("s1") == (made,)


class TestEffectiveDates:
    """A statement without a date of its own counts from its document's."""

    def test_relay_before_its_parents_document(self, cs: ct.ClaimSet) -> None:
        """A relay dated before the document of what it relays is refused."""
        cs.record_document("later", publisher="staff", date="2025-06-20")
        cs.record_statement(
            "s2", claim="strike", source="staff", document="later"
        )
        info = refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_statement(
                "s3",
                claim="strike",
                source="outlet",
                date="2025-06-10",
                derives_from=["s2"],
                via="relays",
            ),
            match="the date of its document 'later'",
        )
        assert info.value.later == "s2"  # type: ignore[attr-defined]

    def test_relay_in_an_earlier_document(self, cs: ct.ClaimSet) -> None:
        """Both dates may come from documents."""
        cs.record_document("later", publisher="staff", date="2025-06-20")
        cs.record_statement(
            "s2", claim="strike", source="staff", document="later"
        )
        refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_statement(
                "s3",
                claim="strike",
                source="outlet",
                document="article",
                derives_from=["s2"],
            ),
        )

    def test_retraction_before_its_target_document(
        self, cs: ct.ClaimSet
    ) -> None:
        """A retraction dated before its target's document is refused."""
        refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_statement(
                "r1",
                source="staff",
                stance="retracts",
                target="s1",
                date="2025-06-01",
            ),
        )

    def test_retraction_dated_by_its_document(self, cs: ct.ClaimSet) -> None:
        """A retraction's own date may come from its document too."""
        cs.record_statement(
            "s0", claim="strike", source="outlet", document="article"
        )
        cs.record_document("early", publisher="outlet", date="2025-06-01")
        refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_statement(
                "r1",
                source="outlet",
                stance="retracts",
                target="s0",
                document="early",
            ),
        )

    def test_in_a_batch(self) -> None:
        """`validate` applies the same rule to records not yet recorded."""
        cs = ct.ClaimSet()
        findings = cs.validate(
            [
                ct.Source(id="a", name="A"),
                ct.Claim(id="c", text="Something happened"),
                ct.Document(id="d", publisher="a", date="2003-01-28"),
                ct.Statement(id="s1", claim="c", source="a", document="d"),
                ct.Statement(
                    id="s2",
                    claim="c",
                    source="a",
                    date="2002-06-01",
                    derives_from=["s1"],
                ),
            ]
        )
        assert [(f.record, f.field) for f in findings] == [
            ("s2", "derives_from[0]")
        ]
        assert isinstance(findings[0].error, ct.TemporalInconsistencyError)

    def test_citing_a_later_document(self, cs: ct.ClaimSet) -> None:
        """A document cannot cite a document published after it."""
        info = refuse(
            cs,
            ct.TemporalInconsistencyError,
            lambda: cs.record_document(
                "early",
                publisher="outlet",
                date="2025-06-01",
                cites=["article"],
            ),
            match="document 'early' cannot use document 'article'",
        )
        assert info.value.kind == "document"  # type: ignore[attr-defined]

    def test_citing_an_undecidable_date(self, cs: ct.ClaimSet) -> None:
        """A citation whose order cannot be decided is accepted."""
        made = cs.record_document(
            "june", publisher="outlet", date="2025-06", cites=["article"]
        )
        assert made.cites == ("article",)


class TestRetractions:
    def test_claim_defaults_to_the_target_claim(self, cs: ct.ClaimSet) -> None:
        """A retraction without a claim is about its target's claim."""
        made = cs.record_statement(
            "r1", source="staff", stance="retracts", target="s1"
        )
        assert made.claim == "strike"
        assert made.stance is ct.Stance.RETRACTS
        assert cs.retractions_of("s1") == (made,)

    def test_another_sources_statement(self, cs: ct.ClaimSet) -> None:
        """Only a statement's own source may retract it."""
        info = refuse(
            cs,
            ct.InvalidRetractionError,
            lambda: cs.record_statement(
                "r1", source="outlet", stance="retracts", target="s1"
            ),
            match="only that source",
        )
        assert info.value.retraction == "r1"  # type: ignore[attr-defined]
        assert info.value.target == "s1"  # type: ignore[attr-defined]

    def test_a_controlling_source_may_retract(self, cs: ct.ClaimSet) -> None:
        """A control ancestor of the speaker may withdraw its statement."""
        cs.link("staff", "part_of", "army")
        made = cs.record_statement(
            "r1", source="army", stance="retracts", target="s1"
        )
        assert cs.retractions_of("s1") == (made,)

    def test_a_distant_controller_may_retract(self, cs: ct.ClaimSet) -> None:
        """Control is followed upward over any number of links."""
        cs.link("staff", "part_of", "army")
        cs.link("army", "controlled_by", "mali")
        made = cs.record_statement(
            "r1", source="mali", stance="retracts", target="s1"
        )
        assert cs.retractions_of("s1") == (made,)

    def test_a_subordinate_cannot_retract(self, cs: ct.ClaimSet) -> None:
        """Control runs one way: a unit cannot withdraw its command's word."""
        cs.record_statement("s2", claim="strike", source="army")
        cs.link("staff", "part_of", "army")
        refuse(
            cs,
            ct.InvalidRetractionError,
            lambda: cs.record_statement(
                "r1", source="staff", stance="retracts", target="s2"
            ),
            match="controls it",
        )

    def test_membership_gives_no_right(self, cs: ct.ClaimSet) -> None:
        """An alliance its member belongs to does not control the member."""
        cs.link("staff", "part_of", "mali")
        cs.link("mali", "member_of", "aes")
        refuse(
            cs,
            ct.InvalidRetractionError,
            lambda: cs.record_statement(
                "r1", source="aes", stance="retracts", target="s1"
            ),
        )

    def test_control_must_hold_at_the_retraction(
        self, cs: ct.ClaimSet
    ) -> None:
        """Control that ended before the retraction gives no right."""
        cs.link("staff", "part_of", "army", valid_to="2025-06-05")
        refuse(
            cs,
            ct.InvalidRetractionError,
            lambda: cs.record_statement(
                "r1",
                source="army",
                stance="retracts",
                target="s1",
                date="2025-06-10",
            ),
        )
        made = cs.record_statement(
            "r2",
            source="army",
            stance="retracts",
            target="s1",
            date="2025-06-04",
        )
        assert cs.retractions_of("s1") == (made,)

    def test_control_recorded_in_the_same_batch(self) -> None:
        """A link and a retraction it allows can come in one batch."""
        cs = ct.ClaimSet()
        cs.record_many(
            [
                ct.Source(id="rep", name="A reporter"),
                ct.Source(id="paper", name="The paper"),
                ct.Claim(id="c", text="Something happened"),
                ct.Statement(id="s", claim="c", source="rep"),
                ct.Statement(
                    id="r",
                    claim="c",
                    source="paper",
                    stance="retracts",
                    target="s",
                ),
                ct.Link(
                    id="l",
                    subject="rep",
                    relation="employed_by",
                    object="paper",
                ),
            ]
        )
        assert [r.id for r in cs.retractions_of("s")] == ["r"]

    def test_retracting_a_retraction(self, cs: ct.ClaimSet) -> None:
        """A retraction cannot itself be retracted."""
        cs.record_statement(
            "r1", source="staff", stance="retracts", target="s1"
        )
        refuse(
            cs,
            ct.InvalidRetractionError,
            lambda: cs.record_statement(
                "r2", source="staff", stance="retracts", target="r1"
            ),
            match="a retraction cannot be retracted",
        )

    def test_about_a_different_claim(self, cs: ct.ClaimSet) -> None:
        """A retraction must be about its target's claim."""
        refuse(
            cs,
            ct.InvalidRetractionError,
            lambda: cs.record_statement(
                "r1",
                claim="deaths",
                source="staff",
                stance="retracts",
                target="s1",
            ),
            match="about claim 'deaths'",
        )

    def test_same_as_source_may_retract(self, cs: ct.ClaimSet) -> None:
        """A same_as record of the speaker may retract its statement."""
        cs.record_source("gs", name="FAMa General Staff")
        cs.link("gs", "same_as", "staff")
        made = cs.record_statement(
            "r1", source="gs", stance="retracts", target="s1"
        )
        assert cs.retractions_of("s1") == (made,)

    def test_same_as_in_the_same_batch_may_retract(
        self, cs: ct.ClaimSet
    ) -> None:
        """A same_as recorded in the same batch allows the retraction."""
        cs.record_many(
            [
                statement("r1", source="gs", stance="retracts", target="s1"),
                ct.Link(
                    id="m", subject="staff", relation="same_as", object="gs"
                ),
                ct.Source(id="gs", name="FAMa General Staff"),
            ]
        )
        assert [r.id for r in cs.retractions_of("s1")] == ["r1"]

    def test_retraction_of_a_statement_in_the_same_batch(
        self, cs: ct.ClaimSet
    ) -> None:
        """A batch may hold a statement and its retraction."""
        cs.record_many(
            [
                statement("r9", source="army", stance="retracts", target="a9"),
                statement("a9", source="army", date="2025-06-01"),
            ]
        )
        assert cs.statement("r9").claim == "strike"


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


class TestRecordAndRecordMany:
    def test_record_takes_every_kind(self) -> None:
        """`record` records prebuilt records of each kind."""
        cs = ct.ClaimSet()
        records = [
            ct.Source(id="a", name="A"),
            ct.Source(id="b", name="B"),
            ct.Document(id="d", publisher="a", date="2025"),
            ct.Claim(id="c", text="C."),
            ct.Statement(id="s", claim="c", source="a", document="d"),
            ct.Link(id="l", subject="a", relation="part_of", object="b"),
        ]
        for record in records:
            assert cs.record(record) is record
        assert list(cs) == records
        assert cs.affiliations("a") == (records[-1],)

    def test_record_validates_like_record_star(self, cs: ct.ClaimSet) -> None:
        """`record` checks references as the matching method would."""
        refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record(statement("x", source="ghost")),
        )

    def test_record_refuses_a_non_record(self, cs: ct.ClaimSet) -> None:
        """`record` refuses something that is not a record."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record("army"),  # type: ignore[arg-type]
        )

    def test_record_many_refuses_a_non_record(self, cs: ct.ClaimSet) -> None:
        """A batch holding a non-record is refused whole."""
        refuse(
            cs,
            ct.InvalidValueError,
            lambda: cs.record_many([ct.Source(id="radio", name="R"), "army"]),  # type: ignore[list-item]
            match="not a claimtrack record",
        )

    def test_forward_references(self) -> None:
        """A batch may refer to records that come later in it."""
        cs = ct.ClaimSet()
        cs.record_many(
            [
                ct.Statement(
                    id="s2",
                    claim="c1",
                    source="outlet",
                    document="d2",
                    derives_from=["s1"],
                    via="relays",
                ),
                ct.Link(
                    id="cl", subject="c2", relation="same_as", object="c1"
                ),
                ct.Document(id="d2", publisher="outlet", cites=["d1"]),
                ct.Statement(
                    id="s1", claim="c2", source="army", document="d1"
                ),
                ct.Document(id="d1", publisher="army"),
                ct.Claim(id="c1", text="One."),
                ct.Claim(id="c2", text="Un."),
                ct.Source(id="army", name="Army"),
                ct.Source(id="outlet", name="Outlet"),
            ]
        )
        assert len(cs) == 9
        assert cs.claim_class("c1") == ("c1", "c2")
        assert {s.id for s in cs.statements_for("c2")} == {"s1", "s2"}

    def test_forward_source_link_is_an_affiliation(self) -> None:
        """A link listed before its sources is still an affiliation."""
        cs = ct.ClaimSet()
        link = ct.Link(id="l", subject="a", relation="part_of", object="b")
        cs.record_many(
            [
                link,
                ct.Source(id="a", name="A"),
                ct.Source(id="b", name="B"),
            ]
        )
        assert cs.affiliations("a") == (link,)

    def test_forward_source_same_as_merges(self) -> None:
        """A same_as listed before its sources still merges them."""
        cs = ct.ClaimSet()
        cs.record_many(
            [
                ct.Link(id="l", subject="a", relation="same_as", object="b"),
                ct.Source(id="a", name="A"),
                ct.Source(id="b", name="B"),
            ]
        )
        assert cs.same_source("a") == ("a", "b")

    def test_forward_source_link_counts_for_cycles(self) -> None:
        """A link listed before its sources still blocks a cycle."""
        cs = ct.ClaimSet()
        cs.record_many(
            [
                ct.Link(id="l", subject="a", relation="part_of", object="b"),
                ct.Source(id="a", name="A"),
                ct.Source(id="b", name="B"),
            ]
        )
        refuse(
            cs, ct.AffiliationCycleError, lambda: cs.link("b", "part_of", "a")
        )

    def test_all_or_nothing(self, cs: ct.ClaimSet) -> None:
        """One bad record in a batch keeps every other one out."""
        info = refuse(
            cs,
            ct.UnknownReferenceError,
            lambda: cs.record_many(
                [
                    ct.Source(id="radio", name="Radio"),
                    ct.Claim(id="raid", text="A raid."),
                    statement("s9", claim="raid", source="radio"),
                    ct.Link(
                        id="rl",
                        subject="radio",
                        relation="part_of",
                        object="mali",
                    ),
                    statement("s10", claim="raid", source="ghost"),
                ]
            ),
        )
        assert info.value.record_id == "ghost"  # type: ignore[attr-defined]
        for id in ("radio", "raid", "s9", "rl", "s10"):
            assert id not in cs

    def test_batch_with_old_records_is_fine(self, cs: ct.ClaimSet) -> None:
        """Records already there, unchanged, may be part of a batch."""
        size = len(cs)
        cs.record_many([*cs, ct.Source(id="radio", name="Radio")])
        assert len(cs) == size + 1

    def test_copy_is_equal_and_independent(self, cs: ct.ClaimSet) -> None:
        """A copy equals the set, and recording in it leaves the set."""
        copy = cs.copy()
        assert copy == cs
        assert copy is not cs
        copy.record_source("radio", name="Radio")
        assert copy != cs
        assert "radio" not in cs


class TestOneAtATimeMatchesValidate:
    @given(case=next_records())
    def test_record_agrees_with_validate(
        self, case: tuple[ct.ClaimSet, ct.Record]
    ) -> None:
        """
        `record` refuses a record exactly when `validate` finds a problem.

        It raises the first problem's error, and otherwise records it.
        """
        cs, candidate = case
        findings = cs.validate([candidate])
        if findings:
            first = findings[0].error
            info = refuse(cs, type(first), lambda: cs.record(candidate))
            assert str(info.value) == str(first)
        else:
            size = len(cs) + (candidate.id not in cs)
            cs.record(candidate)
            assert cs[candidate.id] == candidate
            assert len(cs) == size


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


class TestSameSource:
    def test_alone(self, cs: ct.ClaimSet) -> None:
        """A source without same_as links is its own class."""
        assert cs.same_source("army") == ("army",)

    def test_merged_transitively(self, cs: ct.ClaimSet) -> None:
        """same_as links merge sources into one sorted class."""
        cs.record_source("gs", name="FAMa General Staff")
        cs.record_source("emga", name="EMGA")
        cs.link("staff", "same_as", "gs")
        cs.link("emga", "same_as", "gs")
        for member in ("emga", "gs", "staff"):
            assert cs.same_source(member) == ("emga", "gs", "staff")
        assert cs.same_source("army") == ("army",)

    def test_affiliation_does_not_merge(self, cs: ct.ClaimSet) -> None:
        """part_of is not sameness."""
        cs.link("staff", "part_of", "army")
        assert cs.same_source("staff") == ("staff",)

    def test_unknown_or_wrong_kind(self, cs: ct.ClaimSet) -> None:
        """Only recorded sources have a class."""
        with pytest.raises(ct.UnknownReferenceError, match="not a source"):
            cs.same_source("strike")
        with pytest.raises(ct.UnknownReferenceError, match="'ghost'"):
            cs.same_source("ghost")


class TestAffiliations:
    @pytest.fixture(name="dated")
    def _dated(self, cs: ct.ClaimSet) -> ct.ClaimSet:
        """Mali joins the AES in September 2023; the army is Mali's."""
        cs.link("mali", "member_of", "aes", valid_from="2023-09-16", id="join")
        cs.link("army", "part_of", "mali", id="army-mali")
        cs.link("outlet", "owned_by", "mali", valid_to="2022", id="sold")
        cs.link("outlet", "copies_from", "wire", id="copy")
        return cs

    @pytest.mark.parametrize(
        ("at", "expected"),
        [
            (None, ["join"]),
            ("2023-09-15", []),
            ("2023-09-16", ["join"]),
            ("2024", ["join"]),
            ("2023-09", ["join"]),
            ("2023", ["join"]),
            ("2023-08", []),
            ("2022", []),
            ("2023-09-16T00:00:00+00:00", ["join"]),
        ],
    )
    def test_respects_valid_from(
        self, dated: ct.ClaimSet, at: str | None, expected: list[str]
    ) -> None:
        """A link holds from its start; undecidable dates count as holding."""
        assert [lk.id for lk in dated.affiliations("mali", at=at)] == expected

    @pytest.mark.parametrize(
        ("at", "expected"),
        [
            (None, ["sold", "copy"]),
            ("2021-12-31", ["sold", "copy"]),
            ("2022-06-30", ["sold", "copy"]),
            ("2022", ["copy"]),
            ("2023-01-01", ["copy"]),
            ("2025", ["copy"]),
        ],
    )
    def test_respects_valid_to(
        self, dated: ct.ClaimSet, at: str | None, expected: list[str]
    ) -> None:
        """A link stops holding at its end; inside an imprecise end it holds."""
        assert [
            lk.id for lk in dated.affiliations("outlet", at=at)
        ] == expected

    def test_undated_links_always_hold(self, dated: ct.ClaimSet) -> None:
        """A link without dates holds at any date."""
        for at in ("1900", "2025-06-04", None):
            assert [lk.id for lk in dated.affiliations("army", at=at)] == [
                "army-mali"
            ]

    def test_only_outgoing_links(self, dated: ct.ClaimSet) -> None:
        """Links pointing at a source are not its affiliations."""
        assert dated.affiliations("aes") == ()
        assert dated.affiliations("wire") == ()

    def test_not_through_same_as(self, dated: ct.ClaimSet) -> None:
        """A same_as twin's links and the same_as link are not listed."""
        dated.link("staff", "same_as", "army")
        assert dated.affiliations("staff") == ()
        assert [lk.id for lk in dated.affiliations("army")] == ["army-mali"]

    def test_bad_date_or_source(self, dated: ct.ClaimSet) -> None:
        """An unknown source or unreadable date is refused."""
        with pytest.raises(ct.UnknownReferenceError):
            dated.affiliations("strike")
        with pytest.raises(ct.InvalidValueError):
            dated.affiliations("mali", at="soon")


def _has_cycle(edges: list[tuple[int, int]], size: int) -> bool:
    """Reference answer: Kahn's algorithm finds no order iff a cycle exists."""
    indegree = [0] * size
    for _, target in edges:
        indegree[target] += 1
    ready = [n for n in range(size) if indegree[n] == 0]
    seen = 0
    while ready:
        node = ready.pop()
        seen += 1
        for source, target in edges:
            if source == node:
                indegree[target] -= 1
                if indegree[target] == 0:
                    ready.append(target)
    return seen < size


class TestCycleDetectionProperty:
    @given(
        edges=st.lists(
            st.tuples(st.integers(0, 5), st.integers(0, 5)),
            max_size=12,
            unique=True,
        ),
        relation=st.sampled_from(["part_of", "member_of", "controlled_by"]),
    )
    def test_bulk_matches_reference(
        self, edges: list[tuple[int, int]], relation: str
    ) -> None:
        """record_many refuses undated hierarchies exactly when they loop."""
        records: list[ct.Record] = [
            ct.Source(id=f"n{i}", name=f"N{i}") for i in range(6)
        ]
        records.extend(
            ct.Link(
                id=f"l{a}-{b}",
                subject=f"n{a}",
                relation=relation,
                object=f"n{b}",
            )
            for a, b in edges
        )
        cs = ct.ClaimSet()

        if _has_cycle(edges, 6):
            with pytest.raises(ct.AffiliationCycleError):
                cs.record_many(records)
            assert len(cs) == 0
        else:
            cs.record_many(records)
            assert len(cs) == 6 + len(edges)

    def test_long_bulk_chain_with_a_loop_at_the_end(self) -> None:
        """A 20,000-link chain closed into a loop is found in one pass."""
        size = 20_000
        records: list[ct.Record] = [
            ct.Source(id=f"n{i}", name=f"N{i}") for i in range(size)
        ]
        records.extend(
            ct.Link(
                id=f"l{i}",
                subject=f"n{i}",
                relation="part_of",
                object=f"n{i + 1}",
            )
            for i in range(size - 1)
        )
        records.append(
            ct.Link(
                id="back",
                subject=f"n{size - 1}",
                relation="part_of",
                object="n0",
            )
        )

        with pytest.raises(ct.AffiliationCycleError) as caught:
            ct.ClaimSet().record_many(records)

        assert len(caught.value.links) == size


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


class TestJudgementLinks:
    """copies and distinct_from: what a person concluded about records."""

    def test_statement_copies_statement(self, cs: ct.ClaimSet) -> None:
        """A copies link between statements is followed like derives_from."""
        cs.record_statement("s2", claim="strike", source="outlet")
        assert cs.corroboration("strike").corroborated

        made = cs.link("s2", "copies", "s1", id="judged")

        assert cs.links_of("s2") == (made,)
        report = cs.corroboration("strike")
        assert not report.corroborated
        (derivation,) = report.derivations["s2"]
        assert derivation.link == made

    def test_document_copies_document(self, cs: ct.ClaimSet) -> None:
        """A copying document's statements derive from the copied one's."""
        cs.record_statement(
            "s2", claim="strike", source="outlet", document="article"
        )
        cs.link("article", "copies", "communique", note="same wording")

        report = cs.corroboration("strike")

        assert not report.corroborated
        assert "(article copies communique: same wording)" in (
            report.explain()
        )

    @pytest.mark.parametrize(
        ("subject", "object", "relation", "message"),
        [
            ("s1", "article", "copies", "joins two records of one kind"),
            ("army", "staff", "copies", "statement or document"),
            ("s1", "s1", "copies", "to itself"),
            ("army", "army", "distinct_from", "to itself"),
        ],
    )
    def test_refused(
        self,
        cs: ct.ClaimSet,
        subject: str,
        object: str,
        relation: str,
        message: str,
    ) -> None:
        """Ends must be of one kind, and of the kinds the relation takes."""
        with pytest.raises(ct.ClaimtrackError, match=message):
            cs.link(subject, relation, object)

    def test_a_copy_of_a_later_statement(self, cs: ct.ClaimSet) -> None:
        """A statement cannot copy one made after it, as with derives_from."""
        cs.record_statement(
            "s2", claim="strike", source="outlet", date="2025-06-01"
        )
        with pytest.raises(ct.TemporalInconsistencyError):
            cs.link("s2", "copies", "s1")
        with pytest.raises(ct.TemporalInconsistencyError):
            cs.link("communique", "copies", "article")

    def test_no_copies_of_retractions(self, cs: ct.ClaimSet) -> None:
        """A retraction neither copies nor is copied."""
        cs.record_statement(
            "r1", source="staff", stance="retracts", target="s1"
        )
        cs.record_statement("s2", claim="strike", source="outlet")
        with pytest.raises(ct.InvalidValueError, match="retraction"):
            cs.link("s2", "copies", "r1")

    def test_no_dates(self, cs: ct.ClaimSet) -> None:
        """Judgements hold whatever the date."""
        cs.record_statement("s2", claim="strike", source="outlet")
        with pytest.raises(ct.InvalidValueError, match="between dates"):
            cs.link("s2", "copies", "s1", valid_from="2025")

    def test_distinct_from_any_kind(self, cs: ct.ClaimSet) -> None:
        """Sources, claims, statements and documents may be distinct."""
        cs.record_statement("s2", claim="strike", source="outlet")
        for a, b in (
            ("army", "outlet"),
            ("strike", "frappe"),
            ("s1", "s2"),
            ("communique", "article"),
        ):
            cs.link(a, "distinct_from", b)
        assert cs.corroboration("strike").corroborated

    def test_document_text_is_kept_exactly(self) -> None:
        """A document's text keeps every space and line break."""
        text = "  GAO (AP) \u2014 A strike hit the market.\n\nMore.\n"
        document = ct.Document(id="d", text=text)

        assert document.text == text
        with pytest.raises(ct.InvalidValueError):
            ct.Document(id="d", text="   ")
