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
        assert {
            "statement:c3-aes",
            "statement:c3-fama",
            "statement:c3-outlet",
        } <= node_names(graph)
        assert {
            ("statement:c3-fama", "statement:c3-aes", "cites"),
            ("statement:c3-outlet", "statement:c3-fama", "relays"),
        } <= edges(graph)

    def test_origin_is_marked(self) -> None:
        """The origin statement has a double border; the others do not."""
        group = clusters(parse(to_dot(ct.example(), "c3")))
        origin = group["cluster_group_1_source_aes-inquiry"].get_node(
            '"statement:c3-aes"'
        )[0]
        relay = group["cluster_group_1_source_outlet"].get_node(
            '"statement:c3-outlet"'
        )[0]

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
        denial = found["cluster_denial_1_source_jnim"].get_node(
            '"statement:c7-jnim"'
        )[0]
        assert "dashed" in denial.get("style")
        assert denial.get("color").strip('"') == "firebrick"
        assert "<S>c7-monitor</S>" in dot
        assert (
            "statement:c7-withdrawn",
            "statement:c7-monitor",
            "retracts",
        ) in edges(graph)

    def test_as_of(self) -> None:
        """A diagram can be drawn as of a date."""
        graph = parse(to_dot(ct.example(), "c7", as_of="2025-06-04"))

        assert "statement:c7-fama" in node_names(graph)
        # Drawn, as not yet said.
        assert "statement:c7-outlet" in node_names(graph)

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
            assert {f"statement:{s}" for s in drawn.statements} <= node_names(
                graph
            )
            assert {
                (f"statement:{a}", f"statement:{b}")
                for a, b, _ in drawn.arrows
            } == {
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

        assert "#34;Daily#34; #60;Post#62;" in text


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


def tied_sources(statement_ids: tuple[str, str]) -> ct.ClaimSet:
    """Two sources made one voice by a tie, one statement from each."""
    cs = ct.ClaimSet()
    cs.record_source("x", name="X")
    cs.record_source("y", name="Y")
    cs.link("x", "part_of", "y")
    cs.record_claim("c", text="C")
    first, second = statement_ids
    cs.record_statement(first, claim="c", source="x", date="2025-01-01")
    cs.record_statement(second, claim="c", source="y", date="2025-01-02")
    return cs


HOSTILE_NAME = (
    'Evil\nend\n  s1 --> s2\n  click s1 href "javascript:alert(1)"\r'
    "%%{init: {'theme': 'dark'}}%% #9829; <b>bold</b> `md`"
)
"""An author's name as JSON-LD can carry it (``&#10;`` is a newline)."""


class TestHostileIds:
    def test_statement_id_cannot_name_a_source_node(self) -> None:
        """A statement ``source:x`` is not the node of source x."""
        graph = parse(to_dot(tied_sources(("source:x", "s2")), "c"))

        names = node_names(graph)
        assert {"statement:source:x", "statement:s2", "source:x"} <= names
        assert ("source:x", "source:y", "part_of") in edges(graph)
        assert not any(
            a == "source:x" and b.startswith("statement:")
            for a, b, _ in edges(graph)
        )

    def test_control_characters_in_ids(self) -> None:
        """NUL and line breaks in ids give parseable DOT, ids kept apart."""
        cs = tied_sources(("s\0", "s\x01"))

        dot = to_dot(cs, "c")
        graph = parse(dot)

        assert "\0" not in dot
        assert "\x01" not in dot
        statements = {n for n in node_names(graph) if "statement:" in n}
        assert statements == {"statement:s\\u0000", "statement:s\\u0001"}

    def test_dot_labels_stay_on_their_line(self) -> None:
        """A newline in a source's name is no line break in the DOT text."""
        cs = tied_sources(("s1", "s2"))
        cs.record_source("z", name=HOSTILE_NAME)
        cs.record_statement("s3", claim="c", source="z", date="2025-01-03")

        dot = to_dot(cs, "c")
        graph = parse(dot)

        assert "\r" not in dot
        assert HOSTILE_NAME.replace("\n", "\ufffd")[:10] in dot
        assert {"statement:s1", "statement:s2", "statement:s3"} <= (
            node_names(graph)
        )


class TestHostileMermaid:
    def test_names_cannot_add_lines(self) -> None:
        """A name with newlines, a click and a directive stays one label."""
        benign = tied_sources(("s1", "s2"))
        benign.record_source("z", name="Plain")
        benign.record_statement("s3", claim="c", source="z")
        hostile = tied_sources(("s1", "s2"))
        hostile.record_source("z", name=HOSTILE_NAME)
        hostile.record_statement("s3", claim="c", source="z")

        text = to_mermaid(hostile, "c")

        assert len(text.splitlines()) == len(
            to_mermaid(benign, "c").splitlines()
        )
        stripped = [line.strip() for line in text.splitlines()]
        assert not [line for line in stripped if line.startswith("click")]
        assert "%%{" not in text
        assert "\r" not in text
        labels = "\n".join(stripped[2:])  # after the %% comment line
        assert "#9829;" not in labels
        assert "<b>" not in labels
        assert "`" not in labels

    def test_claim_id_and_reason_in_the_comment(self) -> None:
        """The ``%%`` comment line holds the claim id and reason on one line."""
        cs = ct.ClaimSet()
        cs.record_source("a", name='A\n  click s1 href "https://x"')
        claim = "c\n  s1 --> s1\u2028%%{init: {}}%%"
        cs.record_claim(claim, text="C")
        cs.record_statement("s1", claim=claim, source="a")

        lines = to_mermaid(cs, claim).splitlines()

        comments = [line for line in lines if line.lstrip().startswith("%%")]
        assert len(comments) == 1
        assert "%%{" not in comments[0]
        others = [line for line in lines if line not in comments]
        assert not [line for line in others if "-->" in line]
        assert not [line for line in others if "click" in line.split('"')[0]]

    def test_ids_in_labels_are_escaped(self) -> None:
        """Statement ids with quotes, brackets and bars stay in their label."""
        cs = tied_sources(('s"]-->x[', "s|2|"))

        text = to_mermaid(cs, "c")

        node_lines = [line.strip() for line in text.splitlines()]
        assert (
            's1["s#34;#93;--#62;x#91;<br/>asserts<br/>origin<br/>2025-01-01"]'
            in node_lines
        )
        assert not [line for line in node_lines if "-->" in line]


class TestUrls:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(1)",
            "data:text/html,<script>alert(2)</script>",
            "https://example.org/fine",
        ],
    )
    def test_no_diagram_links(self, url: str) -> None:
        """Document URLs, good or bad, never become links in a diagram."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_document("d", publisher="a", url=url)
        cs.record_claim("c", text="C")
        cs.record_statement("s", claim="c", source="a", document="d")

        for text in (to_dot(cs, "c"), to_mermaid(cs, "c")):
            assert url not in text
            assert "href" not in text.lower()
            assert "URL=" not in text
