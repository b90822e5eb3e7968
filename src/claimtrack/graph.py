# SPDX-License-Identifier: MIT
"""
Attribution diagrams: where a claim came from, as Graphviz DOT or Mermaid.

One diagram shows one claim (with its whole ``same_as`` class): its
statements grouped by source, ``derives_from`` arrows labelled with how
each statement takes up the other, origins marked, each independent origin
group drawn as a box of its own, the affiliations that merged sources into
one voice as dashed arrows with their dates, retracted statements struck
through and denials drawn differently.

`to_networkx` gives the same records to network analysis: the whole
claim set, or what one claim rests on, as a typed networkx multigraph.
"""

from __future__ import annotations

import html
import importlib

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._dates import DateLike
from claimtrack._links import Link, Relation
from claimtrack._networkx_graph import build
from claimtrack._report import CorroborationReport
from claimtrack._statements import Stance, Statement
from claimtrack.exceptions import MissingExtraError


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet


__all__ = [
    "AttributionGraph",
    "attribution_graph",
    "to_dot",
    "to_mermaid",
    "to_networkx",
]


@attrs.frozen
class Box:
    """A group of statements drawn together: by origin group, then source."""

    key: str
    """A stable name: ``group_1``, ``group_1_source_fama-gs``, ..."""
    label: str
    """What the box says."""
    statements: tuple[str, ...] = ()
    """Statement ids directly in the box."""
    boxes: tuple[Box, ...] = ()
    """Boxes inside the box."""


@attrs.frozen
class AttributionGraph:
    """
    The drawing of one claim's attribution, before it is written out.

    Attributes:
        claim: The claim drawn.
        report: Its corroboration report.
        statements: Every statement drawn, by id.
        origins: The ids of origin statements.
        retracted: The ids of retracted statements.
        boxes: Top-level boxes: one per independent origin group, then one
            per source for statements outside every group.
        arrows: ``(from, to, label)``: a statement and one it derives from
            (labelled relays, cites, copies or quotes), or a retraction and
            its target (labelled retracts).
        ties: ``(subject, object, label)``: the affiliation links that made
            sources one voice, labelled with the relation and its dates.
        sources: Every source id on a tie.
    """

    claim: str
    report: CorroborationReport
    statements: dict[str, Statement]
    origins: frozenset[str]
    retracted: frozenset[str]
    boxes: tuple[Box, ...]
    arrows: tuple[tuple[str, str, str], ...]
    ties: tuple[tuple[str, str, str], ...]
    sources: tuple[str, ...]


def attribution_graph(
    claim_set: ClaimSet, claim: str, *, as_of: DateLike | None = None
) -> AttributionGraph:
    """Work out what to draw for *claim* as of *as_of*."""
    report = claim_set.corroboration(claim, as_of=as_of)
    statements: dict[str, Statement] = {}
    origins: set[str] = set()
    boxes: list[Box] = []
    grouped: set[str] = set()
    for title, groups in (
        ("independent group", report.asserting_groups),
        ("independent denying group", report.denying_groups),
    ):
        for number, group in enumerate(groups, 1):
            members = (*group.origins, *group.carriers)
            for statement in members:
                statements[statement.id] = statement
                grouped.add(statement.id)
            origins.update(o.id for o in group.origins)
            key = f"{'group' if group.stance is Stance.ASSERTS else 'denial'}_{number}"
            voices = " + ".join(report.name(s) for s in sorted(group.sources))
            boxes.append(
                Box(
                    key=key,
                    label=f"{title} {number}: {voices}",
                    boxes=_by_source(report, members, prefix=f"{key}_"),
                )
            )
    others: list[Statement] = [*report.combined, *report.not_yet]
    retracted: set[str] = set()
    for statement, retraction in report.retracted:
        others.extend((statement, retraction))
        retracted.add(statement.id)
    for blocked in report.blocked:
        parent = claim_set.statement(blocked.derives_from)
        others.append(parent)
        for retraction in claim_set.retractions_of(parent.id):
            others.append(retraction)
            retracted.add(parent.id)
    others.extend(s for s in report.statements if s.id not in grouped)
    # Chains that leave the claim, or run through implied derivations,
    # are drawn whole: every statement they pass through is added.
    implied: dict[str, list[tuple[str, str]]] = {}
    for derivation in claim_set.implied_derivations(policy=report.policy):
        if derivation.via == "cites":
            label = f"cites {derivation.document} (implied)"
        elif (
            derivation.link is not None
            and derivation.link.relation is Relation.COPIES
        ):
            label = "copies (recorded by a person)"
        else:
            label = "copies (implied)"
        implied.setdefault(derivation.statement, []).append(
            (derivation.parent, label)
        )
    queue = [*statements.values(), *others]
    seen = {s.id for s in queue}
    while queue:
        statement = queue.pop()
        parents = [
            *statement.derives_from,
            *(p for p, _ in implied.get(statement.id, ())),
        ]
        for parent_id in parents:
            if parent_id not in seen:
                seen.add(parent_id)
                found = claim_set.statement(parent_id)
                others.append(found)
                queue.append(found)
    loose = {s.id: s for s in others if s.id not in grouped}
    statements.update(loose)
    boxes.extend(_by_source(report, loose.values(), prefix=""))

    arrows: list[tuple[str, str, str]] = []
    for statement in sorted(statements.values(), key=_by_id):
        via = statement.via.value if statement.via else "derives from"
        arrows.extend(
            (statement.id, parent, via)
            for parent in statement.derives_from
            if parent in statements
        )
        arrows.extend(
            (statement.id, parent, label)
            for parent, label in implied.get(statement.id, ())
            if parent in statements
        )
        if statement.target is not None and statement.target in statements:
            arrows.append((statement.id, statement.target, "retracts"))
    tie_links: dict[str, Link] = {}
    for group in (*report.asserting_groups, *report.denying_groups):
        for tie in (*group.ties, *group.carrier_ties):
            tie_links.update((link.id, link) for link in tie.links)
    ties = tuple(
        (link.subject, link.object, _describe(link))
        for link in sorted(tie_links.values(), key=_by_id)
    )
    return AttributionGraph(
        claim=claim,
        report=report,
        statements=statements,
        origins=frozenset(origins),
        retracted=frozenset(retracted),
        boxes=tuple(boxes),
        arrows=tuple(arrows),
        ties=ties,
        sources=tuple(sorted({end for s, o, _ in ties for end in (s, o)})),
    )


def _by_id(record: Statement | Link) -> str:
    return record.id


def _by_source(
    report: CorroborationReport,
    statements: Iterable[Statement],
    *,
    prefix: str,
) -> tuple[Box, ...]:
    by_source: dict[str, list[str]] = {}
    for statement in sorted(statements, key=_by_id):
        by_source.setdefault(statement.source, []).append(statement.id)
    return tuple(
        Box(
            key=f"{prefix}source_{source}",
            label=report.name(source),
            statements=tuple(by_source[source]),
        )
        for source in sorted(by_source)
    )


def _describe(link: Link) -> str:
    text = link.relation.value
    if link.valid_from is not None:
        text += f" from {link.valid_from}"
    if link.valid_to is not None:
        text += f" until {link.valid_to}"
    return text


def _label_lines(graph: AttributionGraph, statement: Statement) -> list[str]:
    stance = statement.stance.value
    if statement.modality:
        stance += f" ({statement.modality})"
    lines = [statement.id, stance]
    if statement.id in graph.origins:
        lines.append("origin")
    date = statement.date
    if date is not None:
        lines.append(str(date))
    return lines


# -- DOT ----------------------------------------------------------------------


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(
    claim_set: ClaimSet, claim: str, *, as_of: DateLike | None = None
) -> str:
    """
    The attribution diagram of *claim* as Graphviz DOT text.

    Independent origin groups are clusters named ``cluster_group_N``
    (``cluster_denial_N`` for denying groups), each holding one cluster per
    source; origins have a double border; denials are dashed and red;
    retracted statements are grey and struck through; affiliation ties are
    dashed arrows between source nodes (``source:ID``). The text is
    deterministic.
    """
    graph = attribution_graph(claim_set, claim, as_of=as_of)
    report = graph.report
    out = [
        f"digraph {_dot_id('attribution of ' + claim)} {{",
        "  rankdir=RL;",
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        f"  label={_dot_id(f'{claim}: {report.status.value} - {report.reason}')};",
        "  labelloc=t;",
    ]

    def write_box(box: Box, indent: str) -> None:
        out.append(f"{indent}subgraph {_dot_id('cluster_' + box.key)} {{")
        out.append(f"{indent}  label={_dot_id(box.label)};")
        out.extend(
            f"{indent}  {_dot_node(graph, statement_id)}"
            for statement_id in box.statements
        )
        for inner in box.boxes:
            write_box(inner, indent + "  ")
        out.append(f"{indent}}}")

    for box in graph.boxes:
        write_box(box, "  ")
    for child, parent, label in graph.arrows:
        style = ", style=dotted" if label == "retracts" else ""
        out.append(
            f"  {_dot_id(child)} -> {_dot_id(parent)} [label={_dot_id(label)}{style}];"
        )
    if graph.ties:
        out.append(f"  subgraph {_dot_id('cluster_ties')} {{")
        out.append(f"    label={_dot_id('ties that make sources one voice')};")
        out.append("    style=dashed;")
        out.extend(
            f"    {_dot_id('source:' + source)} [label={_dot_id(report.name(source))}, "
            "shape=ellipse, style=dashed];"
            for source in graph.sources
        )
        out.append("  }")
        out.extend(
            f"  {_dot_id('source:' + subject)} -> {_dot_id('source:' + obj)} "
            f"[label={_dot_id(label)}, style=dashed];"
            for subject, obj, label in graph.ties
        )
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_node(graph: AttributionGraph, statement_id: str) -> str:
    statement = graph.statements[statement_id]
    lines = _label_lines(graph, statement)
    attributes = []
    if statement_id in graph.retracted:
        body = "<BR/>".join(f"<S>{html.escape(line)}</S>" for line in lines)
        attributes += [
            f"label=<{body}>",
            'color="grey50"',
            'fontcolor="grey50"',
        ]
    else:
        escaped = [_dot_id(line)[1:-1] for line in lines]
        attributes.append('label="' + "\\n".join(escaped) + '"')
    if statement_id in graph.origins:
        attributes.append("peripheries=2")
    if statement.stance is Stance.DENIES:
        attributes += ['style="rounded,dashed"', 'color="firebrick"']
    elif statement.stance is Stance.RETRACTS:
        attributes.append("shape=note")
    return f"{_dot_id(statement_id)} [{', '.join(attributes)}];"


# -- Mermaid ------------------------------------------------------------------


def _mermaid_text(text: str) -> str:
    return '"' + html.escape(text, quote=True).replace("\n", "<br/>") + '"'


def to_mermaid(
    claim_set: ClaimSet, claim: str, *, as_of: DateLike | None = None
) -> str:
    """
    The attribution diagram of *claim* as a Mermaid flowchart.

    The same drawing as `to_dot`: subgraphs for independent origin groups
    and their sources, classes ``origin``, ``denial`` and ``retracted``
    for the node styles, dashed arrows for affiliation ties. Node names
    are ``s1``, ``s2``... in statement id order; each node's label starts
    with its statement id. The text is deterministic.
    """
    graph = attribution_graph(claim_set, claim, as_of=as_of)
    report = graph.report
    names = {sid: f"s{n}" for n, sid in enumerate(sorted(graph.statements), 1)}
    sources = {sid: f"src{n}" for n, sid in enumerate(graph.sources, 1)}
    out = [
        "flowchart RL",
        f"  %% {claim}: {report.status.value} - {report.reason}",
    ]
    boxes = {"n": 0}

    def write_box(box: Box, indent: str) -> None:
        boxes["n"] += 1
        out.append(
            f"{indent}subgraph box{boxes['n']}[{_mermaid_text(box.label)}]"
        )
        for statement_id in box.statements:
            lines = _label_lines(graph, graph.statements[statement_id])
            text = _mermaid_text("\n".join(lines))
            out.append(f"{indent}  {names[statement_id]}[{text}]")
        for inner in box.boxes:
            write_box(inner, indent + "  ")
        out.append(f"{indent}end")

    for box in graph.boxes:
        write_box(box, "  ")
    for child, parent, label in graph.arrows:
        arrow = "-.->" if label == "retracts" else "-->"
        out.append(
            f"  {names[child]} {arrow}|{_mermaid_text(label)}| {names[parent]}"
        )
    if graph.ties:
        out.append(
            f"  subgraph ties[{_mermaid_text('ties that make sources one voice')}]"
        )
        out.extend(
            f"    {sources[source]}([{_mermaid_text(report.name(source))}])"
            for source in graph.sources
        )
        out.append("  end")
        out.extend(
            f"  {sources[subject]} -.->|{_mermaid_text(label)}| {sources[obj]}"
            for subject, obj, label in graph.ties
        )
    out += [
        "  classDef origin stroke-width:4px",
        "  classDef denial stroke:#b22222,stroke-dasharray:5 5",
        "  classDef retracted color:#888,stroke:#888,text-decoration:line-through",
    ]
    for class_name, members in (
        ("origin", graph.origins),
        (
            "denial",
            {
                s
                for s, st in graph.statements.items()
                if st.stance is Stance.DENIES
            },
        ),
        ("retracted", graph.retracted),
    ):
        if members:
            listed = ",".join(names[s] for s in sorted(members))
            out.append(f"  class {listed} {class_name}")
    return "\n".join(out) + "\n"


# -- networkx -----------------------------------------------------------------


def to_networkx(claim_set: ClaimSet, claim: str | None = None) -> Any:
    """
    The claim set, or what *claim* rests on, as a `networkx.MultiDiGraph`.

    Nodes are ``"<kind>:<id>"`` (``"source:fama"``, ``"statement:s1"``),
    so no two records share one whatever their ids; each has ``record``
    (its kind), ``id``, ``label`` and its fields. Claims carry their
    corroboration (``status``, ``asserting_groups``, ``denying_groups``,
    ``naive_source_count``, ``credibility``); statements ``origin`` and
    ``effective_date``.

    Edges have a ``kind``: ``about``, ``said_by`` and ``appears_in`` from
    a statement; ``derives_from`` with ``via`` and ``implied`` (true for
    the derivations copying and citations imply, with their ``link`` or
    ``document``); ``retracts``; ``published_by``, ``written_by`` and
    ``cites`` from a document; ``reviews``, ``reviewed_by``, ``evidence``
    (with ``role``) and ``checks`` from a review; and ``link`` for every
    link, with ``relation``, ``family`` (``affiliation``,
    ``cross_reference`` or ``judgement``), its id in ``link``, and
    ``valid_from``, ``valid_to``, ``note``, ``evidence`` when set;
    ``suspicion`` is ``accepted`` or ``rejected`` when it records a
    person's judgement of a suspicion.

    Every attribute is a string, number or boolean, so
    `networkx.write_graphml` writes the graph as it is: dates are ISO
    8601 text, lists (aliases, places, tags) are JSON text, a missing
    value is absent, and characters XML cannot hold (most control
    characters) are replaced by U+FFFD.

    Args:
        claim_set: The claim set.
        claim: Only what this claim rests on: its ``same_as`` class, the
            statements about it and every statement on their chains,
            with their claims, sources, documents (and the documents
            those cite), the class's reviews, and each source's
            affiliations followed upward.

    Raises:
        MissingExtraError: If networkx is not installed
            (``pip install 'claimtrack[networkx]'``).
        UnknownReferenceError: If *claim* is not recorded.
    """
    if claim is not None:
        claim_set.claim(claim)
    try:
        nx = importlib.import_module("networkx")
    except ImportError:
        raise MissingExtraError(
            "to_networkx", "networkx", "networkx"
        ) from None
    return build(nx, claim_set, claim)
