# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.prov`: PROV-JSON that the real `prov` package reads."""

from __future__ import annotations

import json
import sys
import warnings

from collections import Counter

import attrs
import pytest

from hypothesis import given

import claimtrack as ct

from claimtrack.prov import (
    PROV_FORMATS,
    RECORD_NAMESPACE,
    SCHEMA_NAMESPACE,
    dumps_prov,
    export_prov,
    to_prov_document,
)

from .strategies import claim_sets_with_identifiers, claim_sets_with_policy


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


WIKIDATA = "https://www.wikidata.org/wiki/Q7283"


def with_identifiers() -> ct.ClaimSet:
    """The bundled example with a retraction and sources' identifiers."""
    cs = ct.ClaimSet()
    identifiers = {
        "fama": [WIKIDATA, "urn:isni:0000000121032683"],
        "outlet": ["javascript:alert(1)"],
    }
    for record in ct.example():
        if record.id in identifiers:
            cs.record(attrs.evolve(record, identifiers=identifiers[record.id]))
        else:
            cs.record(record)
    cs.record_statement(
        "c7-withdrawn",
        source="fama-gs",
        stance="retracts",
        target="c7-fama",
        date="2025-06-20",
    )
    return cs


class TestIdentifiers:
    def test_identifiers_are_same_as_attributes(self) -> None:
        """A source's identifiers are its agent's schema:sameAs, as URIs."""
        document = export_prov(with_identifiers())

        assert document["prefix"]["schema"] == SCHEMA_NAMESPACE
        assert document["agent"]["ctr:fama"]["schema:sameAs"] == [
            {"$": WIKIDATA, "type": "xsd:anyURI"},
            {"$": "urn:isni:0000000121032683", "type": "xsd:anyURI"},
        ]
        assert "schema:sameAs" not in document["agent"]["ctr:mali"]

    def test_prov_reads_them(self) -> None:
        """The prov package reads the identifiers back as sameAs values."""
        document = to_prov_document(with_identifiers())

        (fama,) = (
            record
            for record in document.get_records(prov_model.ProvAgent)
            if record.identifier.localpart == "fama"
        )
        same_as = {
            str(value)
            for name, value in fama.attributes
            if name.uri == SCHEMA_NAMESPACE + "sameAs"
        }
        assert same_as == {WIKIDATA, "urn:isni:0000000121032683"}

    def test_no_identifiers_no_schema_prefix(self) -> None:
        """A set without identifiers is exported as before."""
        assert "schema" not in export_prov(ct.example())["prefix"]

    def test_same_as_claims_are_anonymous(self) -> None:
        """PROV's alternateOf has no identifier: it is written blank."""
        cs = ct.example()
        cs.record_claim("c3-again", text="The convoy was destroyed")
        cs.link("c3-again", "same_as", "c3")

        document = export_prov(cs)

        assert all(key.startswith("_:") for key in document["alternateOf"])


def same_records(text: str, fmt: str, expected: object) -> object:
    """
    *text* in *fmt* reads back with prov into *expected*, exactly.

    Documents compare as sets of records: in RDF, two anonymous
    ``alternateOf`` of the same two claims (two ``same_as`` links) are
    one triple.
    """
    with warnings.catch_warnings():
        # rdflib deprecates calls that prov's RDF reader still makes.
        warnings.simplefilter("ignore", DeprecationWarning)
        back = prov_model.ProvDocument.deserialize(content=text, format=fmt)
    assert back == expected
    return back


class TestFormats:
    @pytest.mark.parametrize("fmt", PROV_FORMATS)
    def test_each_format_reads_back_exactly(self, fmt: str) -> None:
        """Every format reads back with prov into the very same document."""
        cs = with_identifiers()
        expected = to_prov_document(cs)

        text = dumps_prov(cs, format=fmt)

        assert text.endswith("\n")
        back = same_records(text, fmt, expected)
        assert record_counts(back) == expected_counts(cs)

    @pytest.mark.parametrize("fmt", ["provn", "rdf", "jsonld"])
    @given(cs=claim_sets_with_identifiers())
    def test_generated_sets_read_back_exactly(
        self, fmt: str, cs: ct.ClaimSet
    ) -> None:
        """Any claim set survives PROV-N, RDF and JSON-LD exactly."""
        same_records(dumps_prov(cs, format=fmt), fmt, to_prov_document(cs))

    @given(cs=claim_sets_with_identifiers())
    def test_xml_reads_back_or_names_what_it_cannot_hold(
        self, cs: ct.ClaimSet
    ) -> None:
        """PROV-XML is exact, or refused naming a record XML cannot hold."""
        try:
            text = dumps_prov(cs, format="xml")
        except ct.InvalidValueError as e:
            refused = e
        else:
            same_records(text, "xml", to_prov_document(cs))
            return
        assert refused.field == "format"
        assert "which XML 1.0 cannot carry" in refused.reason

    def test_xml_refuses_control_characters(self) -> None:
        """A control character, which XML cannot carry, is named, not lost."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="Bell \x07 ringer")

        with pytest.raises(ct.InvalidValueError) as caught:
            dumps_prov(cs, format="xml")

        assert str(caught.value) == (
            "invalid format 'xml': ctr:a holds '\\x07', which XML 1.0 "
            "cannot carry; write 'json', 'provn', 'rdf' or 'jsonld'"
        )
        assert dumps_prov(cs, format="provn")

    # rdflib 7 warns about its own Dataset.parse.
    @pytest.mark.filterwarnings("ignore::DeprecationWarning")
    def test_rdf_is_trig_that_rdflib_reads(self) -> None:
        """The RDF is TriG: rdflib finds every agent and its sameAs."""
        rdflib = pytest.importorskip("rdflib")
        cs = with_identifiers()
        graph = rdflib.Dataset()

        graph.parse(data=dumps_prov(cs, format="rdf"), format="trig")

        prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
        agents = {
            str(s)
            for s, _, _ in graph.triples((None, rdflib.RDF.type, prov.Agent))
        }
        assert agents == {RECORD_NAMESPACE + s.id for s in cs.sources}
        fama = rdflib.URIRef(RECORD_NAMESPACE + "fama")
        same_as = rdflib.URIRef(SCHEMA_NAMESPACE + "sameAs")
        assert {str(o) for o in graph.objects(fama, same_as)} == {
            WIKIDATA,
            "urn:isni:0000000121032683",
        }

    def test_options_reach_every_format(self) -> None:
        """The namespace applies to every format, not only JSON."""
        text = dumps_prov(
            ct.example(), format="provn", namespace="https://example.org/x/"
        )

        assert "prefix ctr <https://example.org/x/>" in text

    @pytest.mark.parametrize("fmt", ["turtle", "JSON", "", None])
    def test_unknown_format(self, fmt: object) -> None:
        """An unknown format is refused, listing the known ones."""
        with pytest.raises(ct.InvalidValueError) as caught:
            dumps_prov(ct.example(), format=fmt)  # type: ignore[arg-type]

        assert "'json', 'provn', 'xml', 'rdf', 'jsonld'" in str(caught.value)


class TestMissingExtras:
    def test_without_prov(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without prov, the prov formats say which extra to install."""
        monkeypatch.setitem(sys.modules, "prov.model", None)

        with pytest.raises(ct.MissingExtraError) as caught:
            to_prov_document(ct.example())
        with pytest.raises(ImportError):
            dumps_prov(ct.example(), format="provn")

        assert str(caught.value) == (
            "to_prov_document needs prov: pip install 'claimtrack[prov]'"
        )
        assert json.loads(dumps_prov(ct.example()))["agent"]

    @pytest.mark.parametrize(
        ("fmt", "package"), [("rdf", "rdflib"), ("xml", "lxml")]
    )
    def test_without_rdflib_or_lxml(
        self, monkeypatch: pytest.MonkeyPatch, fmt: str, package: str
    ) -> None:
        """Without rdflib or lxml, the format names what is missing."""
        registry = pytest.importorskip("prov.serializers").Registry
        registry.load_serializers()
        fewer = {k: v for k, v in registry.serializers.items() if k != fmt}

        def load_serializers() -> None:
            registry.serializers = fewer

        monkeypatch.setattr(registry, "serializers", fewer)
        monkeypatch.setattr(
            registry, "load_serializers", staticmethod(load_serializers)
        )

        with pytest.raises(ct.MissingExtraError) as caught:
            dumps_prov(ct.example(), format=fmt)  # type: ignore[arg-type]

        assert str(caught.value) == (
            f"dumps_prov(format={fmt!r}) needs {package}: "
            "pip install 'claimtrack[prov]'"
        )
