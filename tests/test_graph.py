# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.graph`: the structure of the diagrams, parsed."""

from __future__ import annotations

from typing import Any

import pytest

from hypothesis import given

import claimtrack as ct

from claimtrack.graph import attribution_graph, to_dot, to_mermaid

from .strategies import claim_sets


pydot = pytest.importorskip("pydot")

# pydot's parser uses pyparsing names that pyparsing now deprecates; that
# is pydot's business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot")


def parse(dot: str) -> Any:
    """The DOT text, parsed by pydot."""
    (graph,) = pydot.graph_from_dot_data(dot)
    return graph


def clusters(graph: Any) -> dict[str, Any]:
    """Every cluster, nested or not, by name."""
    found: dict[str, Any] = {}
    pending = list(graph.get_subgraphs())
    while pending:
        sub = pending.pop()
        found[sub.get_name().strip('"')] = sub
        pending.extend(sub.get_subgraphs())
    return found


def node_names(graph: Any) -> set[str]:
    """Every node declared in the graph or its clusters."""
    names = {n.get_name().strip('"') for n in graph.get_nodes()}
    for sub in clusters(graph).values():
        names.update(n.get_name().strip('"') for n in sub.get_nodes())
    return names - {"node", "edge", "graph"}


def edges(graph: Any) -> set[tuple[str, str, str]]:
    """Every edge as (from, to, label)."""
    return {
        (
            e.get_source().strip('"'),
            e.get_destination().strip('"'),
            (e.get_label() or "").strip('"'),
        )
        for e in graph.get_edges()
    }


def corroborated_variant() -> ct.ClaimSet:
    """The example with an independent monitor confirming claim 7."""
    cs = ct.example()
    cs.record_source("monitor", name="Independent monitor", kind="ngo")
    cs.record_statement(
        "c7-monitor", claim="c7", source="monitor", date="2025-06-06"
    )
    return cs


class TestDot:
    def test_three_step_chain(self) -> None:
        """Claim 3: one group cluster, a cluster per source, labelled arrows."""
        graph = parse(to_dot(ct.example(), "c3"))

        found = clusters(graph)
        assert "cluster_group_1" in found
        inner = {
            s.get_name().strip('"')
            for s in found["cluster_group_1"].get_subgraphs()
        }
        assert inner == {
            "cluster_group_1_source_aes-inquiry",
            "cluster_group_1_source_fama-gs",
            "cluster_group_1_source_outlet",
        }
        assert {"c3-aes", "c3-fama", "c3-outlet"} <= node_names(graph)
        assert {
            ("c3-fama", "c3-aes", "cites"),
            ("c3-outlet", "c3-fama", "relays"),
        } <= edges(graph)

    def test_origin_is_marked(self) -> None:
        """The origin statement has a double border; the others do not."""
        group = clusters(parse(to_dot(ct.example(), "c3")))
        origin = group["cluster_group_1_source_aes-inquiry"].get_node(
            '"c3-aes"'
        )[0]
        relay = group["cluster_group_1_source_outlet"].get_node('"c3-outlet"')[
            0
        ]

        assert origin.get("peripheries") == "2"
        assert relay.get("peripheries") is None

    def test_ties_are_dashed_with_dates(self) -> None:
        """The membership that merges FAMa and the AES is a dashed, dated edge."""
        graph = parse(to_dot(ct.example(), "c3"))

        tie = graph.get_edge('"source:mali"', '"source:aes"')[0]
        assert tie.get("style") == "dashed"
        assert tie.get("label").strip('"') == "member_of from 2023-09-16"
        assert "cluster_ties" in clusters(graph)

    def test_corroborated_variant_has_two_groups(self) -> None:
        """An independent confirmation draws a second group cluster."""
        graph = parse(to_dot(corroborated_variant(), "c7"))

        found = clusters(graph)
        assert {"cluster_group_1", "cluster_group_2"} <= set(found)
        assert "cluster_ties" not in found

    def test_denials_and_retractions(self) -> None:
        """Denials are dashed and red; retracted statements are struck through."""
        cs = corroborated_variant()
        cs.record_source(
            "jnim", name="JNIM", kind="armed_group"
        ) if "jnim" not in cs else None
        cs.record_statement(
            "c7-jnim", claim="c7", source="jnim", stance="denies"
        )
        cs.record_statement(
            "c7-withdrawn",
            source="monitor",
            stance="retracts",
            target="c7-monitor",
            date="2025-06-07",
        )

        dot = to_dot(cs, "c7")
        graph = parse(dot)

        found = clusters(graph)
        denial = found["cluster_denial_1_source_jnim"].get_node('"c7-jnim"')[0]
        assert "dashed" in denial.get("style")
        assert denial.get("color").strip('"') == "firebrick"
        assert "<S>c7-monitor</S>" in dot
        assert ("c7-withdrawn", "c7-monitor", "retracts") in edges(graph)

    def test_as_of(self) -> None:
        """A diagram can be drawn as of a date."""
        graph = parse(to_dot(ct.example(), "c7", as_of="2025-06-04"))

        assert "c7-fama" in node_names(graph)
        assert "c7-outlet" in node_names(graph)  # drawn, as not yet said

    def test_deterministic(self) -> None:
        """The same set gives the same text, whatever the recording order."""
        reordered = ct.ClaimSet()
        reordered.record_many(reversed(list(ct.example())))

        assert to_dot(ct.example(), "c3") == to_dot(reordered, "c3")

    @given(cs=claim_sets())
    def test_every_claim_parses(self, cs: ct.ClaimSet) -> None:
        """Every generated claim's diagram is valid DOT with all its statements."""
        for claim in cs.claims:
            drawn = attribution_graph(cs, claim.id)
            graph = parse(to_dot(cs, claim.id))
            assert set(drawn.statements) <= node_names(graph)
            assert {(a, b) for a, b, _ in drawn.arrows} == {
                (a, b)
                for a, b, _ in edges(graph)
                if not a.startswith("source:")
            }


class TestMermaid:
    def test_structure(self) -> None:
        """Claim 3 in Mermaid: nested subgraphs, labelled arrows, classes."""
        text = to_mermaid(ct.example(), "c3")
        lines = [line.strip() for line in text.splitlines()]

        assert lines[0] == "flowchart RL"
        subgraphs = [line for line in lines if line.startswith("subgraph")]
        assert len(subgraphs) == 5  # group, three sources, ties
        assert 's2 -->|"cites"| s1' in lines
        assert 's3 -->|"relays"| s2' in lines
        assert lines.count("end") == 5
        assert "class s1 origin" in lines
        assert any("member_of from 2023-09-16" in line for line in lines)

    def test_deterministic(self) -> None:
        """The same set gives the same Mermaid text."""
        assert to_mermaid(ct.example(), "c7") == to_mermaid(ct.example(), "c7")

    def test_labels_are_escaped(self) -> None:
        """Quotes and angle brackets in names cannot break the chart."""
        cs = ct.ClaimSet()
        cs.record_source("a", name='The "Daily" <Post>')
        cs.record_claim("x", text="X")
        cs.record_statement("s", claim="x", source="a")

        text = to_mermaid(cs, "x")

        assert "&quot;Daily&quot; &lt;Post&gt;" in text


class TestWholeChains:
    def test_chains_across_claims_and_implied_derivations(self) -> None:
        """Statements on other claims and inferred derivations are drawn."""
        cs = ct.example("uranium")

        graph = attribution_graph(cs, "africa", as_of="2003-02-15")

        assert {"n-cia", "n-mi6", "n-sismi", "n-forged"} <= set(
            graph.statements
        )
        assert ("n-mi6", "n-sismi", "cites sismi-report (implied)") in (
            graph.arrows
        )
        assert ("a-dossier", "n-mi6", "cites") in graph.arrows
        assert ("n-sismi", "n-forged", "cites niger-docs (implied)") in (
            graph.arrows
        )
