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
