# SPDX-License-Identifier: MIT
"""
Attribution diagrams as inline SVG: Graphviz when installed, else our own.

The HTML pages show one diagram per claim. With the Graphviz ``dot``
command on the PATH, the claim's DOT text (`claimtrack.graph.to_dot`) is
rendered by it, and its SVG is checked against a short list of elements
and attributes before it goes into a page; otherwise, or when ``dot``
fails, is slow or writes anything else, claimtrack draws the same graph
itself (`claimtrack._svg_layout`).
"""

from __future__ import annotations

import re
import shutil
import subprocess

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from claimtrack._attribution import (
    AttributionGraph,
    Box,
    attribution_graph,
    describe_tie,
)
from claimtrack._derivations import Derivation
from claimtrack._links import Link, Relation
from claimtrack._policy import CorroborationPolicy
from claimtrack._report import CorroborationReport
from claimtrack._statements import Statement
from claimtrack._svg_layout import layered_svg
from claimtrack.graph import to_dot


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet


__all__ = [
    "DOT_TIMEOUT",
    "Renderer",
    "checked_svg",
    "diagram",
    "graph_of_report",
    "graphviz_svg",
    "with_policy",
]

Renderer = Literal["auto", "layered", "none"]
"""How to draw: Graphviz when it works, else our layout; ours; nothing."""

DOT_TIMEOUT = 20.0
"""Seconds a ``dot`` run may take before the drawing falls back."""


def graph_of_report(
    report: CorroborationReport,
) -> tuple[AttributionGraph, dict[str, str]]:
    """
    The attribution graph of *report*, from what the report itself holds.

    `claimtrack.graph.attribution_graph` asks the claim set for every
    statement on a chain; a report alone does not hold the statements
    about other claims that a chain passes through, nor those a blocked
    path rests on. Arrows to them are kept.

    Returns:
        The graph, and a note for each statement an arrow points to that
        the report does not hold ("on claim 'niger' by cia").
    """
    statements: dict[str, Statement] = {}
    origins: set[str] = set()
    boxes: list[Box] = []
    tie_links: dict[str, Link] = {}
    for title, key, groups in (
        ("independent group", "group", report.asserting_groups),
        ("independent denying group", "denial", report.denying_groups),
    ):
        for number, group in enumerate(groups, 1):
            members = (*group.origins, *group.carriers)
            statements.update((s.id, s) for s in members)
            origins.update(s.id for s in group.origins)
            voices = " + ".join(report.name(s) for s in sorted(group.sources))
            boxes.append(
                Box(
                    key=f"{key}_{number}",
                    label=f"{title} {number}: {voices}",
                    boxes=_by_source(report, members, f"{key}_{number}_"),
                )
            )
            for tie in (*group.ties, *group.carrier_ties):
                tie_links.update((link.id, link) for link in tie.links)
    others = [*report.combined, *report.not_yet, *report.statements]
    for statement, retraction in report.retracted:
        others += (statement, retraction)
    loose = {s.id: s for s in others if s.id not in statements}
    statements.update(loose)
    boxes.extend(_by_source(report, loose.values(), ""))
    arrows: list[tuple[str, str, str]] = []
    for statement_id in sorted(statements):
        statement = statements[statement_id]
        via = statement.via.value if statement.via else "derives from"
        arrows.extend(
            (statement_id, parent, via) for parent in statement.derives_from
        )
        arrows.extend(
            (statement_id, derivation.parent, _implied_label(derivation))
            for derivation in report.derivations.get(statement_id, ())
        )
        if statement.target is not None and statement.target in statements:
            arrows.append((statement_id, statement.target, "retracts"))
    missing = _missing(report, statements, arrows)
    ties = tuple(
        (link.subject, link.object, describe_tie(link))
        for link in sorted(tie_links.values(), key=lambda link: link.id)
    )
    return AttributionGraph(
        claim=report.claim,
        report=report,
        statements=statements,
        origins=frozenset(origins),
        retracted=frozenset(s.id for s, _ in report.retracted),
        boxes=tuple(boxes),
        arrows=tuple(arrows),
        ties=ties,
        sources=tuple(sorted({end for s, o, _ in ties for end in (s, o)})),
    ), missing


def _missing(
    report: CorroborationReport,
    statements: dict[str, Statement],
    arrows: list[tuple[str, str, str]],
) -> dict[str, str]:
    """Notes on the statements arrows point to that the report lacks."""
    missing: dict[str, str] = {}
    for change in report.claim_changes:
        missing[change.parent] = (
            f"on claim {change.parent_claim!r} by "
            f"{report.name(change.parent_source)}"
        )
    drawn = {(child, parent) for child, parent, _ in arrows}
    for blocked in report.blocked:
        missing[blocked.derives_from] = blocked.reason
        if (blocked.statement, blocked.derives_from) not in drawn:
            arrows.append(
                (blocked.statement, blocked.derives_from, "derives from")
            )
    for _, parent, _ in arrows:
        if parent not in statements:
            missing.setdefault(parent, "not in this report")
    return {
        key: note for key, note in missing.items() if key not in statements
    }


def _implied_label(derivation: Derivation) -> str:
    if derivation.via == "cites":
        return f"cites {derivation.document} (implied)"
    link = derivation.link
    if link is not None and link.relation is Relation.COPIES:
        return "copies (recorded by a person)"
    return "copies (implied)"


def _by_source(
    report: CorroborationReport, statements: Iterable[Statement], prefix: str
) -> tuple[Box, ...]:
    by_source: dict[str, list[str]] = {}
    for statement in sorted(statements, key=lambda s: s.id):
        by_source.setdefault(statement.source, []).append(statement.id)
    return tuple(
        Box(
            key=f"{prefix}source_{source}",
            label=report.name(source),
            statements=tuple(ids),
        )
        for source, ids in sorted(by_source.items())
    )


# -- Graphviz ---------------------------------------------------------------

_ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "title",
        "desc",
        "polygon",
        "polyline",
        "path",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
    }
)
"""What Graphviz draws a diagram of ours with: no links, images, scripts."""

_ATTRIBUTES = frozenset(
    {
        "baseline-shift",
        "class",
        "cx",
        "cy",
        "d",
        "dominant-baseline",
        "fill",
        "fill-opacity",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "height",
        "letter-spacing",
        "points",
        "preserveAspectRatio",
        "r",
        "rx",
        "ry",
        "stroke",
        "stroke-dasharray",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-opacity",
        "stroke-width",
        "text-anchor",
        "text-decoration",
        "textLength",
        "lengthAdjust",
        "transform",
        "viewBox",
        "width",
        "x",
        "x1",
        "x2",
        "xml:space",
        "xmlns",
        "xmlns:xlink",
        "y",
        "y1",
        "y2",
    }
)
"""
Presentation attributes only: no ``style`` (a page's Content Security
Policy would refuse it), no event handlers, no references.
"""

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"\s+([A-Za-z_][\w:.-]*)\s*=\s*(\"[^\"]*\"|'[^']*')")
_ID = re.compile(r"\s+id\s*=\s*(\"[^\"]*\"|'[^']*')")


def checked_svg(output: str) -> str | None:
    """
    Graphviz's SVG output made fit for inline HTML, or None if unsafe.

    The XML prologue, doctype and comments go, and so do element ids
    (each page holds many drawings); any element or attribute outside a
    short list of drawing ones (`_ELEMENTS`, `_ATTRIBUTES`) rejects the
    whole output.
    """
    start, end = output.find("<svg"), output.rfind("</svg>")
    if start < 0 or end < start:
        return None
    svg = _COMMENT.sub("", output[start : end + len("</svg>")])
    svg = _TAG.sub(lambda m: _ID.sub("", m[0]), svg)
    position = 0
    for match in _TAG.finditer(svg):
        between = svg[position : match.start()]
        position = match.end()
        if "<" in between or match[2] not in _ELEMENTS:
            return None
        attributes = match[3].rstrip().removesuffix("/")
        if _ATTRIBUTE.sub("", attributes).strip():
            return None
        for name, _ in _ATTRIBUTE.findall(attributes):
            if name not in _ATTRIBUTES:
                return None
    return svg


def graphviz_svg(dot: str, *, timeout: float | None = None) -> str | None:
    """
    *dot* rendered by the ``dot`` command as checked SVG, or None.

    None when ``dot`` is not on the PATH, fails, takes longer than
    *timeout* seconds (`DOT_TIMEOUT` by default), or writes SVG that
    `checked_svg` refuses.
    """
    command = shutil.which("dot")
    if command is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603 - a fixed command, text on stdin
            [command, "-Tsvg"],
            input=dot.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT if timeout is None else timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return checked_svg(done.stdout.decode("utf-8", errors="replace"))


def diagram(
    report: CorroborationReport,
    *,
    claim_set: ClaimSet | None = None,
    renderer: Renderer = "auto",
) -> tuple[str, str]:
    """
    The attribution diagram of *report* as inline SVG, and who drew it.

    With *claim_set* (the set the report was made from), the diagram is
    `claimtrack.graph.attribution_graph`'s, rendered by Graphviz when
    *renderer* is ``"auto"`` and ``dot`` works; without it, the report's own
    graph (`graph_of_report`), which only claimtrack draws.

    Returns:
        The SVG markup ("" for ``"none"``) and ``"graphviz"``,
        ``"layered"`` or ``"none"``.
    """
    if renderer == "none":
        return "", "none"
    if claim_set is None:
        graph, missing = graph_of_report(report)
        return layered_svg(graph, missing=missing), "layered"
    if claim_set.policy != report.policy:
        claim_set = with_policy(claim_set, report.policy)
    if renderer == "auto":
        rendered = graphviz_svg(
            to_dot(claim_set, report.claim, as_of=report.as_of)
        )
        if rendered is not None:
            return rendered, "graphviz"
    graph = attribution_graph(claim_set, report.claim, as_of=report.as_of)
    return layered_svg(graph), "layered"


def with_policy(claim_set: ClaimSet, policy: CorroborationPolicy) -> ClaimSet:
    """A copy of *claim_set* whose own policy is *policy*."""
    other = type(claim_set)(policy=policy)
    other.record_many(claim_set)
    return other
