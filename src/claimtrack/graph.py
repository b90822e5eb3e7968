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
import re

from typing import TYPE_CHECKING, Any, Protocol

import attrs

from claimtrack._attribution import (
    AttributionGraph,
    Box,
    attribution_graph,
    label_lines,
)
from claimtrack._dates import DateLike
from claimtrack._networkx_graph import build
from claimtrack._statements import Stance
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


# -- writing: one walk, two dialects --------------------------------------


class _Dialect(Protocol):
    """How one diagram language writes each part of an attribution graph."""

    def header(self) -> list[str]:
        """The lines before the boxes."""

    def box_start(self, box: Box, indent: str) -> list[str]:
        """The lines that open *box*."""

    def box_end(self, indent: str) -> str:
        """The line that closes a box."""

    def statement(self, statement_id: str, indent: str) -> str:
        """The node of one statement."""

    def arrow(self, child: str, parent: str, label: str) -> str:
        """A derivation (or retraction) arrow between two statements."""

    def ties_start(self) -> list[str]:
        """The lines that open the box of affiliation ties."""

    def tie_source(self, source: str) -> str:
        """The node of one source in that box."""

    def ties_end(self) -> str:
        """The line that closes the box of ties."""

    def tie(self, subject: str, obj: str, label: str) -> str:
        """An affiliation tie between two sources."""

    def footer(self) -> list[str]:
        """The lines after everything else."""


_TIES_LABEL = "ties that make sources one voice"


def _write(graph: AttributionGraph, dialect: _Dialect) -> str:
    """The diagram of *graph* in *dialect*, as text ending in a newline."""
    out = dialect.header()
    # Boxes nest (groups hold sources); walk them with a stack of
    # (box, indent, opened) rather than by recursion.
    stack: list[tuple[Box, str, bool]] = [
        (box, "  ", False) for box in reversed(graph.boxes)
    ]
    while stack:
        box, indent, opened = stack.pop()
        if opened:
            out.append(dialect.box_end(indent))
            continue
        out += dialect.box_start(box, indent)
        out.extend(
            dialect.statement(statement_id, indent + "  ")
            for statement_id in box.statements
        )
        stack.append((box, indent, True))
        stack.extend(
            (inner, indent + "  ", False) for inner in reversed(box.boxes)
        )
    out.extend(
        dialect.arrow(child, parent, label)
        for child, parent, label in graph.arrows
    )
    if graph.ties:
        out += dialect.ties_start()
        out.extend(dialect.tie_source(source) for source in graph.sources)
        out.append(dialect.ties_end())
        out.extend(
            dialect.tie(subject, obj, label)
            for subject, obj, label in graph.ties
        )
    out += dialect.footer()
    return "\n".join(out) + "\n"


# -- DOT ----------------------------------------------------------------------


_STATEMENT_NODE = "statement:"
_SOURCE_NODE = "source:"
"""DOT node ids: a prefix per kind, so no record id can name another's node."""


def _printable(text: str) -> str:
    """*text* with control characters and line breaks as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""What must never reach a diagram raw: it ends lines, or the parser."""


def _dot_id(text: str) -> str:
    """*text* as a quoted DOT string, its controls replaced, escapes literal."""
    escaped = _printable(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _dot_node(prefix: str, record_id: str) -> str:
    r"""
    The quoted DOT id of a record's node: *prefix* and *record_id*.

    Unlike a label, an id must stay unique: a control character becomes
    ``\uXXXX`` (a backslash in the id itself is doubled, so the two
    cannot meet).
    """
    escaped = record_id.replace("\\", "\\\\").replace('"', '\\"')
    escaped = _CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", escaped)
    return f'"{prefix}{escaped}"'


def to_dot(
    claim_set: ClaimSet, claim: str, *, as_of: DateLike | None = None
) -> str:
    """
    The attribution diagram of *claim* as Graphviz DOT text.

    Independent origin groups are clusters named ``cluster_group_N``
    (``cluster_denial_N`` for denying groups), each holding one cluster per
    source; origins have a double border; denials are dashed and red;
    retracted statements are grey and struck through; affiliation ties are
    dashed arrows between source nodes. Node ids carry their kind,
    ``statement:ID`` and ``source:ID``, so no id can name another
    record's node; control characters in ids and labels become U+FFFD.
    The text is deterministic.
    """
    graph = attribution_graph(claim_set, claim, as_of=as_of)
    return _write(graph, _Dot(graph))


@attrs.frozen
class _Dot:
    """Graphviz DOT."""

    graph: AttributionGraph

    def header(self) -> list[str]:
        claim, report = self.graph.claim, self.graph.report
        title = f"{claim}: {report.status.value} - {report.reason}"
        return [
            f"digraph {_dot_id('attribution of ' + claim)} {{",
            "  rankdir=RL;",
            '  node [shape=box, style=rounded, fontname="Helvetica"];',
            '  edge [fontname="Helvetica", fontsize=10];',
            f"  label={_dot_id(title)};",
            "  labelloc=t;",
        ]

    def box_start(self, box: Box, indent: str) -> list[str]:
        return [
            f"{indent}subgraph {_dot_node('cluster_', box.key)} {{",
            f"{indent}  label={_dot_id(box.label)};",
        ]

    def box_end(self, indent: str) -> str:
        return f"{indent}}}"

    def statement(self, statement_id: str, indent: str) -> str:
        return f"{indent}{_dot_statement(self.graph, statement_id)}"

    def arrow(self, child: str, parent: str, label: str) -> str:
        style = ", style=dotted" if label == "retracts" else ""
        return (
            f"  {_dot_node(_STATEMENT_NODE, child)} -> "
            f"{_dot_node(_STATEMENT_NODE, parent)} "
            f"[label={_dot_id(label)}{style}];"
        )

    def ties_start(self) -> list[str]:
        return [
            f"  subgraph {_dot_id('cluster_ties')} {{",
            f"    label={_dot_id(_TIES_LABEL)};",
            "    style=dashed;",
        ]

    def tie_source(self, source: str) -> str:
        name = self.graph.report.name(source)
        return (
            f"    {_dot_node(_SOURCE_NODE, source)} [label={_dot_id(name)}, "
            "shape=ellipse, style=dashed];"
        )

    def ties_end(self) -> str:
        return "  }"

    def tie(self, subject: str, obj: str, label: str) -> str:
        return (
            f"  {_dot_node(_SOURCE_NODE, subject)} -> "
            f"{_dot_node(_SOURCE_NODE, obj)} "
            f"[label={_dot_id(label)}, style=dashed];"
        )

    def footer(self) -> list[str]:
        return ["}"]


def _dot_statement(graph: AttributionGraph, statement_id: str) -> str:
    statement = graph.statements[statement_id]
    lines = label_lines(graph, statement)
    attributes = []
    if statement_id in graph.retracted:
        body = "<BR/>".join(
            f"<S>{html.escape(_printable(line))}</S>" for line in lines
        )
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
    node = _dot_node(_STATEMENT_NODE, statement_id)
    return f"{node} [{', '.join(attributes)}];"


# -- Mermaid ------------------------------------------------------------------


_MERMAID_SPECIAL = re.compile("[\"#%&'<>`\\[\\]{}|\\\\]")
"""
What a Mermaid label must not hold as itself: quotes end it, ``#...;``
is an entity code, ``%%{...}%%`` a directive, ``<`` and ``&`` HTML,
backticks Markdown; brackets, braces and bars shapes and edge labels.
"""


def _mermaid_text(*lines: str) -> str:
    """*lines* as a quoted Mermaid label: special characters as ``#NN;``."""
    escaped = (
        _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m[0])};", _printable(line))
        for line in lines
    )
    return '"' + "<br/>".join(escaped) + '"'


def _mermaid_comment(text: str) -> str:
    """*text* for a ``%%`` comment: one line, no directive."""
    return _printable(text).replace("%", "#37;")


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
    return _write(graph, _Mermaid(graph))


class _Mermaid:
    """A Mermaid flowchart; nodes get short names, boxes numbers."""

    def __init__(self, graph: AttributionGraph) -> None:
        self.graph = graph
        self.names = {
            sid: f"s{n}" for n, sid in enumerate(sorted(graph.statements), 1)
        }
        self.sources = {
            sid: f"src{n}" for n, sid in enumerate(graph.sources, 1)
        }
        self.boxes = 0

    def header(self) -> list[str]:
        claim, report = self.graph.claim, self.graph.report
        return [
            "flowchart RL",
            "  %% "
            + _mermaid_comment(
                f"{claim}: {report.status.value} - {report.reason}"
            ),
        ]

    def box_start(self, box: Box, indent: str) -> list[str]:
        self.boxes += 1
        label = _mermaid_text(box.label)
        return [f"{indent}subgraph box{self.boxes}[{label}]"]

    def box_end(self, indent: str) -> str:
        return f"{indent}end"

    def statement(self, statement_id: str, indent: str) -> str:
        lines = label_lines(self.graph, self.graph.statements[statement_id])
        text = _mermaid_text(*lines)
        return f"{indent}{self.names[statement_id]}[{text}]"

    def arrow(self, child: str, parent: str, label: str) -> str:
        arrow = "-.->" if label == "retracts" else "-->"
        names = self.names
        return (
            f"  {names[child]} {arrow}|{_mermaid_text(label)}| {names[parent]}"
        )

    def ties_start(self) -> list[str]:
        return [f"  subgraph ties[{_mermaid_text(_TIES_LABEL)}]"]

    def tie_source(self, source: str) -> str:
        name = _mermaid_text(self.graph.report.name(source))
        return f"    {self.sources[source]}([{name}])"

    def ties_end(self) -> str:
        return "  end"

    def tie(self, subject: str, obj: str, label: str) -> str:
        sources = self.sources
        return (
            f"  {sources[subject]} -.->|{_mermaid_text(label)}| {sources[obj]}"
        )

    def footer(self) -> list[str]:
        graph = self.graph
        out = [
            "  classDef origin stroke-width:4px",
            "  classDef denial stroke:#b22222,stroke-dasharray:5 5",
            (
                "  classDef retracted color:#888,stroke:#888,"
                "text-decoration:line-through"
            ),
        ]
        denials = {
            s
            for s, statement in graph.statements.items()
            if statement.stance is Stance.DENIES
        }
        for class_name, members in (
            ("origin", graph.origins),
            ("denial", denials),
            ("retracted", graph.retracted),
        ):
            if members:
                listed = ",".join(self.names[s] for s in sorted(members))
                out.append(f"  class {listed} {class_name}")
        return out


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
