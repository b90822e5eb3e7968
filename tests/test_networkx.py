# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.graph.to_networkx`: the claim set as a multigraph."""

from __future__ import annotations

import io
import json
import sys

from typing import Any

import pytest

from hypothesis import given, settings

import claimtrack as ct

from claimtrack.graph import to_networkx

from .strategies import claim_sets


nx = pytest.importorskip("networkx")


def edges_of(graph: Any) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Every edge by (from, to, key), with its attributes."""
    return {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}


def round_trip(graph: Any) -> Any:
    """*graph* written as GraphML and read back."""
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    buffer.seek(0)
    return nx.read_graphml(buffer, force_multigraph=True)


class TestToNetworkx:
    def test_every_record_is_a_node(self) -> None:
        """Sources, documents, claims and statements are namespaced nodes."""
        cs = ct.example()
        graph = to_networkx(cs)
        assert isinstance(graph, nx.MultiDiGraph)
        expected = (
            {f"source:{s.id}" for s in cs.sources}
            | {f"document:{d.id}" for d in cs.documents}
            | {f"claim:{c.id}" for c in cs.claims}
            | {f"statement:{s.id}" for s in cs.statements}
        )
        assert set(graph.nodes) == expected
        fama = graph.nodes["source:fama"]
        assert fama["record"] == "source"
        assert fama["label"] == "Armed Forces of Mali"
        assert fama["kind"] == "armed_force"
        assert json.loads(fama["aliases"]) == list(cs.source("fama").aliases)

    def test_typed_edges(self) -> None:
        """Statements, documents and links become typed edges."""
        graph = to_networkx(ct.example())
        edges = edges_of(graph)
        relay = edges[
            "statement:c3-outlet", "statement:c3-fama", "derives_from"
        ]
        assert relay == {
            "kind": "derives_from",
            "via": "relays",
            "implied": False,
        }
        assert edges["statement:c3-fama", "claim:c3", "about"] == {
            "kind": "about",
            "stance": "asserts",
        }
        assert edges["statement:c3-fama", "source:fama-gs", "said_by"]
        member = edges[
            "source:mali",
            "source:aes",
            "link:mali member_of aes from 2023-09-16",
        ]
        assert member == {
            "kind": "link",
            "relation": "member_of",
            "family": "affiliation",
            "link": "mali member_of aes from 2023-09-16",
            "valid_from": "2023-09-16",
        }
        claim = graph.nodes["claim:c3"]
        assert claim["status"] == "single_origin"
        assert claim["asserting_groups"] == 1
        assert claim["credibility"] == 3

    def test_citations_implied_derivations_and_reviews(self) -> None:
        """Citations, what they imply, retractions and reviews are edges."""
        cs = ct.example("uranium")
        edges = edges_of(to_networkx(cs))
        kinds = {data["kind"] for data in edges.values()}
        assert {"cites", "retracts", "published_by", "appears_in"} <= kinds
        implied = [
            (u, v, d)
            for (u, v, _), d in edges.items()
            if d["kind"] == "derives_from" and d["implied"]
        ]
        assert implied
        for _, _, data in implied:
            assert data["via"] in {"copies", "cites"}
            assert "document" in data or "link" in data

    def test_accepted_and_rejected_suspicions(self) -> None:
        """Links that judge a suspicion say so, with their evidence."""
        cs = ct.ClaimSet()
        text = (
            "The ministry said on Tuesday that the new bridge over the "
            "river will open in March, after two years of delays caused by "
            "floods and a dispute with the contractor over costs. "
        ) * 3
        cs.record_claim("c", text="The bridge opens in March")
        for n in (1, 2, 3):
            cs.record_source(f"p{n}", name=f"Paper {n}")
            cs.record_document(
                f"d{n}", publisher=f"p{n}", date=f"2025-01-0{n}", text=text
            )
            cs.record_statement(
                f"s{n}", claim="c", source=f"p{n}", document=f"d{n}"
            )
        first, second, *_ = cs.suspicions()
        cs.accept(first, note="same wording")
        cs.reject(second)
        links = [
            d
            for d in edges_of(to_networkx(cs)).values()
            if d["kind"] == "link"
        ]
        by_judgement = {d["suspicion"]: d for d in links}
        assert by_judgement["accepted"]["relation"] == "copies"
        assert by_judgement["accepted"]["note"] == "same wording"
        assert by_judgement["accepted"]["family"] == "judgement"
        assert by_judgement["rejected"]["relation"] == "distinct_from"
        assert "repeats" in by_judgement["rejected"]["evidence"]

    def test_ids_never_collide(self) -> None:
        """A statement whose id looks like a source's node is its own node."""
        cs = ct.ClaimSet()
        cs.record_source("x", name="X")
        cs.record_claim("source:x", text="A claim with a tricky id")
        cs.record_statement("claim:source:x", claim="source:x", source="x")
        graph = to_networkx(cs)
        assert set(graph.nodes) == {
            "source:x",
            "claim:source:x",
            "statement:claim:source:x",
        }
        assert graph.nodes["claim:source:x"]["record"] == "claim"

    def test_one_claim(self) -> None:
        """With a claim, only what it rests on, ties followed upward."""
        cs = ct.example()
        graph = to_networkx(cs, "c3")
        assert graph.graph["claim"] == "c3"
        statements = {n for n in graph if n.startswith("statement:")}
        assert statements == {
            "statement:c3-aes",
            "statement:c3-fama",
            "statement:c3-outlet",
        }
        assert {"source:mali", "source:aes", "source:fama"} <= set(graph)
        assert "claim:c1" not in graph
        for u, v in graph.edges():
            assert u in graph
            assert v in graph

    def test_one_claim_follows_chains_through_other_claims(self) -> None:
        """A chain through another claim brings its statements along."""
        cs = ct.example("uranium")
        graph = to_networkx(cs, "africa")
        assert {"statement:n-sismi", "statement:n-forged"} <= set(graph)
        assert "claim:niger" in graph
        assert "review:" not in " ".join(graph)

    def test_unknown_claim(self) -> None:
        """An unknown claim is refused by name."""
        with pytest.raises(ct.UnknownReferenceError, match="nope"):
            to_networkx(ct.example(), "nope")

    def test_missing_networkx(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without networkx, the error says which extra to install."""
        # None in sys.modules makes any import of it fail, as if missing.
        monkeypatch.setitem(sys.modules, "networkx", None)
        with pytest.raises(ct.ClaimtrackError) as caught:
            to_networkx(ct.example())
        assert isinstance(caught.value, ImportError)
        assert "pip install 'claimtrack[networkx]'" in str(caught.value)

    def test_graphml_round_trip(self) -> None:
        """GraphML keeps every node, edge, key and attribute."""
        for cs in (ct.example(), ct.example("uranium")):
            graph = to_networkx(cs)
            back = round_trip(graph)
            assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
            assert edges_of(back) == edges_of(graph)

    def test_characters_xml_cannot_hold(self) -> None:
        """Control characters become U+FFFD, so GraphML can be written."""
        cs = ct.ClaimSet()
        cs.record_source("s", name="Page\x0cbreak")
        cs.record_claim("c", text="nul\x00here")
        graph = round_trip(to_networkx(cs))
        assert graph.nodes["source:s"]["name"] == "Page\ufffdbreak"
        assert graph.nodes["claim:c"]["text"] == "nul\ufffdhere"

    @settings(max_examples=30)
    @given(cs=claim_sets())
    def test_any_claim_set_round_trips(self, cs: ct.ClaimSet) -> None:
        """Any claim set's graph holds only GraphML-safe attributes."""
        graph = to_networkx(cs)
        assert graph.number_of_nodes() == len(cs) - len(cs.links)
        for _, data in graph.nodes(data=True):
            assert all(
                isinstance(v, str | int | float | bool) for v in data.values()
            )
        back = round_trip(graph)
        assert set(back.nodes) == set(graph.nodes)
        assert set(edges_of(back)) == set(edges_of(graph))
        for claim in cs.claims:
            sub = to_networkx(cs, claim.id)
            assert set(sub.nodes) <= set(graph.nodes)
            assert f"claim:{claim.id}" in sub
