# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.prov`: PROV-JSON that the real `prov` package reads."""

from __future__ import annotations

import json

from collections import Counter

import pytest

from hypothesis import given

import claimtrack as ct

from claimtrack.prov import dumps_prov, export_prov

from .strategies import claim_sets_with_policy


prov_model = pytest.importorskip("prov.model")


def expected_counts(cs: ct.ClaimSet) -> Counter[str]:
    """What the export must hold, counted from the claim set itself."""
    control = cs.policy.control
    claims = {c.id for c in cs.claims}
    retractions = [s for s in cs.statements if s.stance is ct.Stance.RETRACTS]
    same_claims = [
        link
        for link in cs.links
        if link.subject in claims and link.relation is ct.Relation.SAME_AS
    ]
    delegations = [
        link
        for link in cs.links
        if link.subject not in claims and link.relation in control
    ]
    counts = Counter(
        {
            "ProvAgent": len(cs.sources),
            "ProvEntity": len(cs.documents)
            + len(cs.claims)
            + len(cs.statements),
            "ProvActivity": len(retractions),
            "ProvAttribution": len(cs.statements)
            + sum(bool(d.publisher) + len(d.authors) for d in cs.documents),
            "ProvDerivation": sum(len(s.derives_from) for s in cs.statements)
            + sum(len(d.cites) for d in cs.documents)
            + len(cs.implied_derivations()),
            "ProvDelegation": len(delegations),
            "ProvInfluence": len(cs.links)
            - len(delegations)
            - len(same_claims),
            "ProvAlternate": len(same_claims),
            "ProvAssociation": len(retractions),
            "ProvGeneration": len(retractions),
            "ProvInvalidation": len(retractions),
        }
    )
    return +counts


def read_back(cs: ct.ClaimSet) -> object:
    """The export, read by the prov package from its JSON text."""
    return prov_model.ProvDocument.deserialize(
        content=dumps_prov(cs), format="json"
    )


def record_counts(document: object) -> Counter[str]:
    """How many records of each PROV kind a prov document holds."""
    return Counter(type(r).__name__ for r in document.get_records())  # type: ignore[attr-defined]


class TestReadBack:
    def test_example(self) -> None:
        """The bundled example reads back with every record."""
        cs = ct.example()
        cs.record_statement(
            "c7-withdrawn",
            source="fama-gs",
            stance="retracts",
            target="c7-fama",
            date="2025-06-20",
        )

        counts = record_counts(read_back(cs))

        assert counts == expected_counts(cs)
        assert counts["ProvAgent"] == 10
        assert counts["ProvInvalidation"] == 1

    @given(cs=claim_sets_with_policy())
    def test_generated_sets(self, cs: ct.ClaimSet) -> None:
        """Any claim set exports to PROV-JSON that prov reads in full."""
        assert record_counts(read_back(cs)) == expected_counts(cs)


class TestMapping:
    def test_agents_are_people_or_organisations(self) -> None:
        """A person is a prov:Person; every other kind a prov:Organization."""
        cs = ct.ClaimSet()
        cs.record_source("pm", name="A minister", kind="person")
        cs.record_source("gov", name="The government", kind="government")

        agents = export_prov(cs)["agent"]

        assert agents["ctr:pm"]["prov:type"]["$"] == "prov:Person"
        assert agents["ctr:gov"]["prov:type"]["$"] == "prov:Organization"

    def test_derivations_are_typed_by_via(self) -> None:
        """Relays and quotes are quotations; citations are primary sources."""
        document = export_prov(ct.example())
        derivations = document["wasDerivedFrom"]

        relay = derivations["ctr:derivation/c3-outlet/c3-fama"]
        citation = derivations["ctr:derivation/c3-fama/c3-aes"]
        assert relay["prov:type"]["$"] == "prov:Quotation"
        assert citation["prov:type"]["$"] == "prov:PrimarySource"
        assert relay["prov:generatedEntity"] == "ctr:c3-outlet"
        assert relay["prov:usedEntity"] == "ctr:c3-fama"

    def test_control_and_membership(self) -> None:
        """Control links delegate; membership is an influence with its dates."""
        document = export_prov(ct.example())

        delegation = document["actedOnBehalfOf"][
            "ctr:fama-gs%20part_of%20fama"
        ]
        membership = document["wasInfluencedBy"][
            "ctr:mali%20member_of%20aes%20from%202023-09-16"
        ]
        assert delegation["prov:delegate"] == "ctr:fama-gs"
        assert delegation["prov:responsible"] == "ctr:fama"
        assert membership["claimtrack:relation"] == "member_of"
        assert membership["claimtrack:validFrom"]["$"] == "2023-09-16"

    def test_what_prov_cannot_say(self) -> None:
        """Stance, modality, claim and status travel as claimtrack attributes."""
        entities = export_prov(ct.example())["entity"]

        statement = entities["ctr:c2-fama"]
        claim = entities["ctr:c3"]
        assert statement["claimtrack:stance"] == "asserts"
        assert statement["claimtrack:modality"] == "alleged"
        assert statement["claimtrack:claim"]["$"] == "ctr:c2"
        assert claim["claimtrack:status"] == "single_origin"
        assert claim["claimtrack:independentOrigins"] == 1
        assert claim["claimtrack:naiveSourceCount"] == 3

    def test_retraction_invalidates(self) -> None:
        """A retraction is an activity by its source invalidating the target."""
        cs = ct.example()
        cs.record_statement(
            "r",
            source="fama-gs",
            stance="retracts",
            target="c7-fama",
            date="2025-06-20T09:00:00+00:00",
        )

        document = export_prov(cs)

        invalidation = document["wasInvalidatedBy"]["ctr:invalidation/r"]
        assert invalidation["prov:entity"] == "ctr:c7-fama"
        assert invalidation["prov:activity"] == "ctr:retraction/r"
        assert invalidation["prov:time"] == "2025-06-20T09:00:00+00:00"
        association = document["wasAssociatedWith"]["ctr:association/r"]
        assert association["prov:agent"] == "ctr:fama-gs"

    def test_as_of(self) -> None:
        """The claims' status can be exported as of a date."""
        cs = ct.example()

        entities = export_prov(cs, as_of="2025-06-04")["entity"]

        assert entities["ctr:c11"]["claimtrack:status"] == "unsupported"

    def test_namespace(self) -> None:
        """The records' namespace can be chosen."""
        document = export_prov(
            ct.example(), namespace="https://example.org/x/"
        )

        assert document["prefix"]["ctr"] == "https://example.org/x/"


class TestStability:
    def test_same_set_same_document(self) -> None:
        """Relation ids come from the set's ids: equal sets, equal text."""
        first = ct.example()
        second = ct.ClaimSet()
        second.record_many(reversed(list(ct.example())))

        assert dumps_prov(first) == dumps_prov(second)

    def test_ids_are_readable(self) -> None:
        """Identifiers keep the claim set's ids, escaping only what PROV cannot hold."""
        document = json.loads(dumps_prov(ct.example()))

        assert "ctr:attribution/c7-outlet" in document["wasAttributedTo"]
        assert "ctr:c7-outlet" in document["entity"]


class TestImpliedDerivations:
    def test_inferred_derivations_are_marked(self) -> None:
        """Copies and citations the rule infers are wasDerivedFrom, marked."""
        cs = ct.example("uranium")

        exported = export_prov(cs)

        derived = {
            (d["prov:generatedEntity"], d["prov:usedEntity"]): d
            for d in exported["wasDerivedFrom"].values()
        }
        sismi = derived["ctr:n-sismi", "ctr:n-forged"]
        assert sismi["claimtrack:implied"] == "cites"
        martino = derived["ctr:n-martino", "ctr:n-forged"]
        assert martino["claimtrack:implied"] == "copies"
        assert martino["claimtrack:link"].startswith("martino copies_from")
        entity = exported["entity"]["ctr:n-sismi"]
        assert (
            "claimtrack:origin" not in entity
            or not entity["claimtrack:origin"]
        )
        assert prov_model.ProvDocument.deserialize(
            content=json.dumps(exported), format="json"
        )
