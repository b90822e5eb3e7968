# SPDX-License-Identifier: MIT
"""
A layered SVG drawing of an attribution graph, drawn without Graphviz.

Attribution graphs are chain-shaped: a few origins, and statements that
relay them. Each statement goes in a column by its derivation depth (an
origin in the first, whatever derives from it further right), each origin
group in a horizontal band of its own, and each arrow is a curve from a
statement to the one it takes up. The affiliations that made sources one
voice are a second layered drawing underneath, over sources. Nothing is
recursive and the work is a sort per column: n log n in the graph's size.
"""

from __future__ import annotations

import html
import unicodedata

from collections.abc import Iterable, Mapping

import attrs

from claimtrack._attribution import AttributionGraph, Box
from claimtrack._graphs import longest_path_layers
from claimtrack._statements import Stance
from claimtrack._xml import xml_safe


__all__ = ["layered_svg"]

FONT_SIZE = 12
LINE_HEIGHT = 15
PAD = 8
"""Padding inside a node, and around a band's contents."""
ROW_GAP = 14
BAND_GAP = 16
BAND_LABEL = 22
"""Height of the label line at the top of a band."""
MIN_COLUMN_GAP = 70
MAX_COLUMN_GAP = 200
MAX_LINE = 38
"""Characters on a node's line before it is cut (the whole is its title)."""
MAX_CAPTION = 110
OUTSIDE = "outside the origin groups"
"""The label of the band of statements in no origin group."""

INK = "#222222"
GREY = "#8a8a8a"
DENIAL = "#b22222"
ORIGIN_FILL = "#eef4fb"
NODE_FILL = "#ffffff"
BAND_FILL = "#f7f7f4"


def _escape(text: str) -> str:
    return html.escape(xml_safe(text), quote=True)


def text_width(text: str) -> float:
    """A width estimate for *text* at `FONT_SIZE`, with no font metrics."""
    width = 0.0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 12.0 if unicodedata.east_asian_width(char) in "WF" else 7.0
    return width


def cut(text: str, limit: int) -> str:
    """*text* on one line, cut to *limit* characters with an ellipsis."""
    one_line = " ".join(text.split())
    if len(one_line) <= limit:
        return one_line
    return one_line[: limit - 1] + "…"


@attrs.define
class _Node:
    key: str
    lines: list[str]
    title: str
    column: int
    band: int
    order: int
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    stroke: str = INK
    fill: str = NODE_FILL
    dashed: bool = False
    double: bool = False
    struck: bool = False
    rounded: float = 6.0


def _box_members(box: Box) -> list[str]:
    """Every statement id in *box* and the boxes inside it, in order."""
    found: list[str] = []
    pending = [box]
    while pending:
        current = pending.pop()
        found.extend(current.statements)
        pending.extend(reversed(current.boxes))
    return found


def _statement_nodes(
    graph: AttributionGraph, missing: Mapping[str, str]
) -> tuple[list[_Node], list[str]]:
    """One node per statement, by band; and each band's label."""
    report = graph.report
    bands: list[str] = []
    band_of: dict[str, int] = {}
    order: dict[str, int] = {}
    loose: list[str] = []
    for box in graph.boxes:
        members = [m for m in _box_members(box) if m not in band_of]
        if not box.key.startswith(("group_", "denial_")):
            loose += members
            continue
        if not members:
            continue
        for member in members:
            band_of[member] = len(bands)
            order[member] = len(order)
        bands.append(box.label)
    # Statements outside every origin group (other claims on a chain,
    # retracted, combining, not yet said) share one band.
    loose += sorted(set(graph.statements) - set(band_of) - set(loose))
    for statement_id in loose:
        if statement_id not in band_of:
            band_of[statement_id] = len(bands)
            order[statement_id] = len(order)
    if loose:
        bands.append(OUTSIDE)
    arrows = [(child, parent) for child, parent, _ in graph.arrows]
    nodes: list[_Node] = []
    for statement_id, statement in graph.statements.items():
        stance = statement.stance.value
        if statement.modality:
            stance += f" ({statement.modality})"
        lines = [statement_id, report.name(statement.source), stance]
        if statement_id in graph.origins:
            lines.append("origin")
        if statement.date is not None:
            lines.append(str(statement.date))
        node = _Node(
            key=statement_id,
            lines=[cut(line, MAX_LINE) for line in lines],
            title="\n".join(lines),
            column=0,
            band=band_of[statement_id],
            order=order[statement_id],
        )
        if statement_id in graph.origins:
            node.double = True
            node.fill = ORIGIN_FILL
        if statement.stance is Stance.DENIES:
            node.dashed = True
            node.stroke = DENIAL
        elif statement.stance is Stance.RETRACTS:
            node.rounded = 0.0
        if statement_id in graph.retracted:
            node.struck = True
            node.stroke = GREY
        nodes.append(node)
    nodes += _missing_nodes(graph, missing, nodes)
    column = longest_path_layers(sorted(node.key for node in nodes), arrows)
    for node in nodes:
        node.column = column[node.key]
    return nodes, bands


def _missing_nodes(
    graph: AttributionGraph, missing: Mapping[str, str], drawn: list[_Node]
) -> list[_Node]:
    """Grey dashed stand-ins for statements the graph only points to."""
    band = {node.key: node.band for node in drawn}
    nodes: list[_Node] = []
    for child, parent, _ in graph.arrows:
        if parent in missing and parent not in band and child in band:
            band[parent] = band[child]
            nodes.append(
                _Node(
                    key=parent,
                    lines=[parent, cut(missing[parent], MAX_LINE)],
                    title=f"{parent}: {missing[parent]}",
                    column=0,
                    band=band[child],
                    order=len(drawn) + len(nodes),
                    stroke=GREY,
                    dashed=True,
                )
            )
    return nodes


def _source_nodes(graph: AttributionGraph) -> list[_Node]:
    edges = [(subject, obj) for subject, obj, _ in graph.ties]
    column = longest_path_layers(list(graph.sources), edges)
    nodes = []
    for number, source in enumerate(graph.sources):
        name = graph.report.name(source)
        node = _Node(
            key=source,
            lines=[cut(name, MAX_LINE)],
            title=name,
            column=column[source],
            band=0,
            order=number,
            dashed=True,
        )
        nodes.append(node)
    return nodes


def _size(nodes: Iterable[_Node], lines: int) -> None:
    for node in nodes:
        node.width = 2 * PAD + max(text_width(line) for line in node.lines)
        node.height = 2 * PAD + lines * LINE_HEIGHT
        if node.rounded:
            node.rounded = min(node.height / 2, 6.0 if lines > 1 else 14.0)


def _column_gap(labels: Iterable[str]) -> float:
    widest = max((text_width(label) for label in labels), default=0.0)
    return min(MAX_COLUMN_GAP, max(MIN_COLUMN_GAP, widest + 24))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("inf")


def _place(
    nodes: list[_Node],
    edges: Iterable[tuple[str, str]],
    bands: int,
    top: float,
    left: float,
    gap: float,
) -> tuple[list[tuple[float, float]], float, float]:
    """
    Give *nodes* their positions, band under band, column after column.

    In each band's column, nodes go in the mean height of the nodes they
    point to that are placed already (one barycentre sweep, against
    crossings), then in their order.

    Returns:
        The (top, bottom) of each band, the bottom of the last, and the
        right edge of the widest column.
    """
    columns = 1 + max((node.column for node in nodes), default=0)
    widths = [0.0] * columns
    for node in nodes:
        widths[node.column] = max(widths[node.column], node.width)
    xs = [left] * columns
    for number in range(1, columns):
        xs[number] = xs[number - 1] + widths[number - 1] + gap
    cells: list[dict[int, list[_Node]]] = [{} for _ in range(bands)]
    for node in sorted(nodes, key=lambda n: n.order):
        cells[node.band].setdefault(node.column, []).append(node)
    parents: dict[str, list[str]] = {}
    for child, parent in edges:
        parents.setdefault(child, []).append(parent)
    middle: dict[str, float] = {}
    spans = []
    y = top
    for band in range(bands):
        band_top = y
        y += BAND_LABEL
        tallest = 0.0
        for number in sorted(cells[band]):
            cell = sorted(
                cells[band][number],
                key=lambda n: (
                    _mean(
                        [
                            middle[p]
                            for p in parents.get(n.key, ())
                            if p in middle
                        ]
                    ),
                    n.order,
                ),
            )
            row_y = y
            for node in cell:
                node.x = xs[number] + (widths[number] - node.width) / 2
                node.y = row_y
                middle[node.key] = row_y + node.height / 2
                row_y += node.height + ROW_GAP
            tallest = max(tallest, row_y - y)
        y += max(tallest, ROW_GAP) + PAD - ROW_GAP / 2
        spans.append((band_top, y))
        y += BAND_GAP
    right = xs[-1] + widths[-1]
    return spans, y - BAND_GAP, right


def _attribute(value: str) -> str:
    return _escape(value)


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _draw_node(node: _Node, out: list[str]) -> None:
    dash = ' stroke-dasharray="5 3"' if node.dashed else ""
    out.append(f"<g><title>{_attribute(node.title)}</title>")
    out.append(
        f'<rect x="{_number(node.x)}" y="{_number(node.y)}" '
        f'width="{_number(node.width)}" height="{_number(node.height)}" '
        f'rx="{_number(node.rounded)}" fill="{node.fill}" '
        f'stroke="{node.stroke}"{dash}/>'
    )
    if node.double:
        out.append(
            f'<rect x="{_number(node.x + 3)}" y="{_number(node.y + 3)}" '
            f'width="{_number(node.width - 6)}" '
            f'height="{_number(node.height - 6)}" '
            f'rx="{_number(max(node.rounded - 3, 0))}" fill="none" '
            f'stroke="{node.stroke}"{dash}/>'
        )
    colour = GREY if node.struck else INK
    struck = ' text-decoration="line-through"' if node.struck else ""
    baseline = node.y + PAD + FONT_SIZE
    for number, line in enumerate(node.lines):
        weight = ' font-weight="bold"' if number == 0 else ""
        out.append(
            f'<text x="{_number(node.x + node.width / 2)}" '
            f'y="{_number(baseline + number * LINE_HEIGHT)}" '
            f'text-anchor="middle" fill="{colour}"{weight}{struck}>'
            f"{_escape(line)}</text>"
        )
    out.append("</g>")


def _draw_arrow(
    child: _Node,
    parent: _Node,
    label: str,
    out: list[str],
    *,
    dashes: str | None,
) -> None:
    x1, y1 = child.x, child.y + child.height / 2
    x2, y2 = parent.x + parent.width, parent.y + parent.height / 2
    bend = max(abs(x1 - x2) / 2, 40.0)
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    out.append(
        f'<path d="M{_number(x1)} {_number(y1)} '
        f"C{_number(x1 - bend)} {_number(y1)} "
        f"{_number(x2 + bend)} {_number(y2)} "
        f'{_number(x2)} {_number(y2)}" fill="none" stroke="{INK}"{dash}/>'
    )
    out.append(
        f'<polygon points="{_number(x2)},{_number(y2)} '
        f"{_number(x2 + 9)},{_number(y2 - 4.5)} "
        f'{_number(x2 + 9)},{_number(y2 + 4.5)}" fill="{INK}"/>'
    )
    out.append(
        f'<text x="{_number((x1 + x2) / 2)}" y="{_number((y1 + y2) / 2 - 4)}"'
        ' text-anchor="middle" font-size="10" fill="#444444" stroke="#ffffff"'
        ' stroke-width="3" paint-order="stroke">'
        f"{_escape(cut(label, 30))}</text>"
    )


def _draw_band(
    label: str, span: tuple[float, float], left: float, right: float
) -> list[str]:
    top, bottom = span
    if not label:
        return []
    room = max(int((right - left - 2 * PAD) / 7.0), 8)
    return [
        f"<g><title>{_attribute(label)}</title>",
        (
            f'<rect x="{_number(left)}" y="{_number(top)}" '
            f'width="{_number(right - left)}" height="{_number(bottom - top)}" '
            f'rx="4" fill="{BAND_FILL}" stroke="#999999"/>'
        ),
        (
            f'<text x="{_number(left + PAD)}" y="{_number(top + 15)}" '
            f'fill="{INK}">{_escape(cut(label, room))}</text>'
        ),
        "</g>",
    ]


def layered_svg(
    graph: AttributionGraph, *, missing: Mapping[str, str] | None = None
) -> str:
    """
    *graph* drawn as standalone SVG markup, for inline use in HTML.

    Every label is escaped; the drawing has no links, scripts, styles or
    ids, so several can sit in one page.

    Args:
        graph: What to draw.
        missing: Statements that arrows point to but *graph* does not
            hold, each with a note to show in its stand-in.
    """
    nodes, bands = _statement_nodes(graph, missing or {})
    lines = max((len(node.lines) for node in nodes), default=1)
    _size(nodes, lines)
    sources = _source_nodes(graph)
    _size(sources, 1)
    caption = (
        f"{graph.claim}: {graph.report.status.value} - {graph.report.reason}"
    )
    top = 2 * PAD + LINE_HEIGHT
    left = PAD + PAD
    gap = _column_gap(label for _, _, label in graph.arrows)
    arrows = [(child, parent) for child, parent, _ in graph.arrows]
    spans, bottom, right = _place(nodes, arrows, len(bands), top, left, gap)
    tie_spans: list[tuple[float, float]] = []
    if sources:
        tie_gap = _column_gap(label for _, _, label in graph.ties)
        tie_edges = [(subject, obj) for subject, obj, _ in graph.ties]
        tie_spans, bottom, tie_right = _place(
            sources, tie_edges, 1, bottom + BAND_GAP, left, tie_gap
        )
        right = max(right, tie_right)
    width = max(right + 2 * PAD, text_width(cut(caption, MAX_CAPTION)) + 24)
    height = bottom + PAD
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="ct-diagram" '
            f'width="{_number(width)}" height="{_number(height)}" '
            f'viewBox="0 0 {_number(width)} {_number(height)}" role="img">'
        ),
        f"<title>{_attribute('attribution of ' + caption)}</title>",
        (
            f'<g font-family="Helvetica, Arial, sans-serif" '
            f'font-size="{FONT_SIZE}">'
        ),
        (
            f'<rect width="{_number(width)}" height="{_number(height)}" '
            'fill="#ffffff"/>'
        ),
        (
            f'<text x="{PAD}" y="{PAD + FONT_SIZE}" fill="{INK}">'
            f"{_escape(cut(caption, MAX_CAPTION))}</text>"
        ),
    ]
    for label, span in zip(bands, spans, strict=True):
        out += _draw_band(label, span, PAD, right + PAD)
    if sources:
        out += _draw_band(
            "ties that make sources one voice", tie_spans[0], PAD, right + PAD
        )
    by_key = {node.key: node for node in nodes}
    for child, parent, label in graph.arrows:
        if child in by_key and parent in by_key:
            dashes = "2 3" if label == "retracts" else None
            _draw_arrow(
                by_key[child], by_key[parent], label, out, dashes=dashes
            )
    by_source = {node.key: node for node in sources}
    for subject, obj, label in graph.ties:
        if subject in by_source and obj in by_source:
            _draw_arrow(
                by_source[subject], by_source[obj], label, out, dashes="5 3"
            )
    for node in (*nodes, *sources):
        _draw_node(node, out)
    out.append("</g></svg>")
    return "\n".join(out)
