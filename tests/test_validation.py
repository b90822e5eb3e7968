# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._validation`: what recording refuses or accepts."""

from __future__ import annotations

import re

import pytest

from hypothesis import given

import claimtrack as ct

from .conftest import refuse, statement
from .strategies import next_records


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

    def test_claim_part_of_itself(self, cs: ct.ClaimSet) -> None:
        """A claim cannot be part of itself."""
        refuse(
            cs,
            ct.ClaimtrackError,
            lambda: cs.link("strike", "part_of", "strike"),
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
