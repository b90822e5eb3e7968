# SPDX-License-Identifier: MIT
"""Tests for the record classes: their fields, ids and converters."""

from __future__ import annotations

import pytest

import claimtrack as ct

from .conftest import refuse, statement


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


class TestDocumentFields:
    def test_document_text_is_kept_exactly(self) -> None:
        """A document's text keeps every space and line break."""
        text = "  GAO (AP) \u2014 A strike hit the market.\n\nMore.\n"
        document = ct.Document(id="d", text=text)

        assert document.text == text
        with pytest.raises(ct.InvalidValueError):
            ct.Document(id="d", text="   ")
