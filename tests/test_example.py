# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._example`: the bundled Sahel case is right."""

from __future__ import annotations

import pytest

import claimtrack as ct


@pytest.fixture(name="sahel")
def _sahel() -> ct.ClaimSet:
    return ct.example()


CLAIMS = [f"c{i}" for i in range(1, 14)]


class TestExample:
    def test_fresh_each_time(self, sahel: ct.ClaimSet) -> None:
        """example() returns a new set; changing one leaves the next intact."""
        sahel.record_claim("extra", text="Extra")

        assert "extra" not in ct.example()
        assert ct.example() == ct.example()

    def test_thirteen_claims(self, sahel: ct.ClaimSet) -> None:
        """All 13 claims of the article are there."""
        assert sorted(c.id for c in sahel.claims) == sorted(CLAIMS)

    def test_reports_in_natural_order(self, sahel: ct.ClaimSet) -> None:
        """reports() runs c1 to c13, c2 before c10, as the CLI does."""
        assert [r.claim for r in sahel.reports()] == CLAIMS

    @pytest.mark.parametrize("claim", CLAIMS)
    def test_nothing_is_corroborated(
        self, sahel: ct.ClaimSet, claim: str
    ) -> None:
        """Every claim of the article has exactly one origin group."""
        report = sahel.corroboration(claim)

        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert not report.corroborated
        assert len(report.asserting_groups) == 1
        assert not report.denying_groups

    @pytest.mark.parametrize("claim", [*CLAIMS[:2], *CLAIMS[3:10]])
    def test_operational_claims_lead_to_the_general_staff(
        self, sahel: ct.ClaimSet, claim: str
    ) -> None:
        """The communiqué's claims have the General Staff as sole origin."""
        report = sahel.corroboration(claim)

        assert report.asserting_groups[0].sources == {"fama-gs"}
        assert report.naive_source_count == 2

    def test_claim_three_is_one_group_despite_two_names(
        self, sahel: ct.ClaimSet
    ) -> None:
        """The AES inquiry and FAMa look like two sources; they are one."""
        report = sahel.corroboration("c3")

        assert report.naive_source_count == 3
        assert len(report.asserting_groups) == 1
        assert [s.id for s in report.asserting_groups[0].carriers] == [
            "c3-fama",
            "c3-outlet",
        ]
        tie = report.asserting_groups[0].carrier_ties[0]
        assert tie.path == ("fama-gs", "fama", "mali", "aes", "aes-inquiry")
        assert (
            "Republic of Mali [mali] member_of Alliance of Sahel States [aes]"
            " (since 2023-09-16)"
        ) in report.explain()

    def test_claim_three_own_voice_still_one_group(
        self, sahel: ct.ClaimSet
    ) -> None:
        """Had FAMa said it in its own voice, the AES tie would merge it."""
        sahel.record_statement(
            "c3-fama-own",
            claim="c3",
            source="fama-gs",
            document="communique",
            date="2025-06-04",
        )

        report = sahel.corroboration("c3")

        assert len(report.asserting_groups) == 1
        assert report.asserting_groups[0].sources == {"aes-inquiry", "fama-gs"}

    def test_claim_thirteen_is_one_group_with_fama(
        self, sahel: ct.ClaimSet
    ) -> None:
        """The AES member states' statements are not independent of FAMa."""
        assert not sahel.independent("aes-states", "fama-gs", at="2025-06-04")

    @pytest.mark.parametrize("claim", ["c11", "c12"])
    def test_outlet_claims_rest_on_the_outlet(
        self, sahel: ct.ClaimSet, claim: str
    ) -> None:
        """Claims 11 and 12 have the outlet as their only source."""
        report = sahel.corroboration(claim)

        assert report.asserting_groups[0].sources == {"outlet"}
        assert report.naive_source_count == 1

    def test_boulkessi_claims_linked_not_merged(
        self, sahel: ct.ClaimSet
    ) -> None:
        """Claims 5 and 11 are related, each its own claim."""
        related = sahel.related_claims("c5", "related")

        assert [other for _link, other in related] == ["c11"]
        assert sahel.claim_class("c5") == ("c5",)
        found = {c.id for c in sahel.find_claims(place="Boulikessi")}
        assert found == {"c5", "c11"}

    def test_allegation_keeps_its_modality(self, sahel: ct.ClaimSet) -> None:
        """Claim 2 is recorded as alleged, exactly."""
        assert sahel.statement("c2-fama").modality == "alleged"

    def test_wednesday_resolves_against_the_article(
        self, sahel: ct.ClaimSet
    ) -> None:
        """The communiqué 'issued on Wednesday' is dated 4 June 2025."""
        assert sahel.document("communique").date == ct.PartialDate.parse(
            "2025-06-04"
        )

    def test_aliases_find_the_army(self, sahel: ct.ClaimSet) -> None:
        """FAMa is found under its other names."""
        for name in ("FAMa", "malian military", "Forces Armees Maliennes"):
            assert sahel.find_sources(name)[0].id == "fama"

    def test_independent_confirmation_changes_the_status(
        self, sahel: ct.ClaimSet
    ) -> None:
        """A monitor outside the Mali/AES group corroborates claim 7."""
        sahel.record_source("monitor", name="Independent monitor", kind="ngo")
        sahel.record_statement(
            "c7-monitor", claim="c7", source="monitor", date="2025-06-06"
        )

        report = sahel.corroboration("c7")

        assert report.status is ct.EvidenceStatus.CORROBORATED
        assert (
            sahel.corroboration("c7", as_of="2025-06-05").status
            is ct.EvidenceStatus.SINGLE_ORIGIN
        )


class TestUraniumCase:
    """The second bundled case: forged Niger documents behind 19 names."""

    @pytest.fixture(name="uranium")
    def _uranium(self) -> ct.ClaimSet:
        return ct.example("uranium")

    def test_size(self, uranium: ct.ClaimSet) -> None:
        """19 sources, 3 claims, 17 statements."""
        assert len(uranium.sources) == 19
        assert len(uranium.claims) == 3
        assert len(uranium.statements) == 17

    @pytest.mark.parametrize(
        ("claim", "as_of", "status", "naive", "groups"),
        [
            ("niger", "2003-02-15", "single_origin", 6, (1, 0)),
            ("niger", "2003-08-15", "contested", 6, (1, 2)),
            ("africa", "2003-02-15", "single_origin", 5, (1, 0)),
            ("africa", "2003-08-15", "single_origin", 4, (1, 0)),
            ("unfit", "2003-02-15", "unsupported", 0, (0, 0)),
            ("unfit", "2003-08-15", "single_origin", 2, (1, 0)),
        ],
    )
    def test_answers(
        self,
        uranium: ct.ClaimSet,
        claim: str,
        as_of: str,
        status: str,
        naive: int,
        groups: tuple[int, int],
    ) -> None:
        """Every claim as of February and August 2003."""
        report = uranium.corroboration(claim, as_of=as_of)

        assert report.status.value == status
        assert report.naive_source_count == naive
        assert (
            len(report.asserting_groups),
            len(report.denying_groups),
        ) == groups

    def test_africa_rests_on_the_forgeries(self, uranium: ct.ClaimSet) -> None:
        """Five names say "Africa"; the one voice is the forgers'."""
        report = uranium.corroboration("africa", as_of="2003-02-15")

        (group,) = report.asserting_groups
        assert [o.id for o in group.origins] == ["n-forged"]
        assert {(c.statement, c.parent) for c in report.claim_changes} == {
            ("a-dossier", "n-mi6"),
            ("a-cia", "n-cia"),
        }

    def test_the_white_house_withdraws_the_sentence(
        self, uranium: ct.ClaimSet
    ) -> None:
        """By August the President's sentence, and CNN's, no longer count."""
        report = uranium.corroboration("africa", as_of="2003-08-15")

        assert [(s.id, r.id) for s, r in report.retracted] == [
            ("a-bush", "a-withdrawn")
        ]
        assert [b.statement for b in report.blocked] == ["a-cnn"]

    def test_implied_derivations(self, uranium: ct.ClaimSet) -> None:
        """SISMI and MI6 by citation, Martino by copying."""
        found = {
            (d.statement, d.parent, d.via)
            for d in uranium.implied_derivations()
        }
        assert found == {
            ("n-sismi", "n-forged", "cites"),
            ("n-mi6", "n-sismi", "cites"),
            ("n-martino", "n-forged", "copies"),
        }

    def test_arms_length_separates_the_denials(
        self, uranium: ct.ClaimSet
    ) -> None:
        """With the IAEA at arm's length, three independent denials."""
        policy = ct.CorroborationPolicy(arms_length=["iaea", "un"])

        report = uranium.corroboration(
            "niger", as_of="2003-08-15", policy=policy
        )

        assert len(report.denying_groups) == 3

    def test_unknown_case(self) -> None:
        """Only the two bundled cases exist."""
        with pytest.raises(ct.InvalidValueError, match="uranium"):
            ct.example("nowhere")
