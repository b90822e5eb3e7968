# SPDX-License-Identifier: MIT
"""What an attribution diagram shows of one claim, before any language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from claimtrack._dates import DateLike
from claimtrack._links import Link, Relation
from claimtrack._report import CorroborationReport
from claimtrack._statements import Stance, Statement


if TYPE_CHECKING:
    from claimtrack._claimset import ClaimSet


__all__ = [
    "AttributionGraph",
    "Box",
    "attribution_graph",
    "describe_tie",
    "label_lines",
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
        (link.subject, link.object, describe_tie(link))
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


def describe_tie(link: Link) -> str:
    """A tie's relation and dates, as an arrow's label."""
    text = link.relation.value
    if link.valid_from is not None:
        text += f" from {link.valid_from}"
    if link.valid_to is not None:
        text += f" until {link.valid_to}"
    return text


def label_lines(graph: AttributionGraph, statement: Statement) -> list[str]:
    """The lines of a statement's node: id, stance, origin, date."""
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
