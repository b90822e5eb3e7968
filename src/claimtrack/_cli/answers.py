# SPDX-License-Identifier: MIT
"""The commands that answer: report, explain and graph."""

from __future__ import annotations

import argparse
import io
import sys

from collections.abc import Sequence

import attrs

from claimtrack._claimset import ClaimSet
from claimtrack._cli.common import (
    Commands,
    Progress,
    add_example_and_date,
    add_input,
    add_output,
    claim_set_of,
    command,
    json_text,
    write_output,
)
from claimtrack._example import ASSUMED_ARTICLE_DATE
from claimtrack._gc_pause import pause_cyclic_gc
from claimtrack._ordering import natural_key
from claimtrack._report import (
    CorroborationReport,
    EvidenceStatus,
    status_summary,
)
from claimtrack.graph import to_dot, to_mermaid
from claimtrack.html import report_page
from claimtrack.serialization import report_to_json


__all__ = ["add_commands"]

_EXAMPLE_NOTE = (
    "Bundled example: a news article whose date is not known; assumed "
    f"{ASSUMED_ARTICLE_DATE}."
)


def add_commands(commands: Commands[argparse.ArgumentParser]) -> None:
    """Add report, explain and graph."""
    report = command(
        commands,
        "report",
        "every claim with its evidence status",
        "Print every claim with its evidence status, its independent "
        "origin groups asserting/denying it, the same if the suspicions "
        "that hold were declared ('claimtrack suspect' lists them), the naive "
        "source count, the Admiralty credibility number and a one-line "
        "reason, then a summary line, and how many claims would change "
        "status if the suspicions held.",
        [
            "claimtrack report --example",
            "claimtrack report claims.json --as-of 2025-06-04",
            (
                "claimtrack report claims.json --status corroborated "
                "--format json"
            ),
        ],
    )
    add_input(report)
    report.add_argument(
        "--status",
        choices=[s.value for s in EvidenceStatus],
        help="only claims with this status",
    )
    report.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="text for a terminal (default), json for scripts, html for "
        "a self-contained page to read and forward",
    )
    add_output(report)

    report.set_defaults(run=_report)

    explain = command(
        commands,
        "explain",
        "why one claim has its status",
        "Explain one claim's status: each origin group, every statement "
        "on each chain, why sources were merged, what was retracted.",
        [
            "claimtrack explain --example c3",
            "claimtrack explain claims.json convoy --as-of 2025-06-05",
        ],
    )
    explain.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )
    explain.add_argument("claim", metavar="CLAIM", help="the claim id")
    add_example_and_date(explain)

    explain.set_defaults(run=_explain)

    graph = command(
        commands,
        "graph",
        "draw where one claim came from (DOT or Mermaid)",
        "Draw the attribution diagram of one claim: statements grouped by "
        "source, derivation arrows, independent origin groups as boxes, "
        "the affiliations that merged sources as dashed arrows.",
        [
            "claimtrack graph claims.json c3 | dot -Tsvg -o c3.svg",
            "claimtrack graph --example c3 --format mermaid -o c3.mmd",
        ],
    )
    graph.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )
    graph.add_argument("claim", metavar="CLAIM", help="the claim id")
    add_example_and_date(graph)
    graph.add_argument(
        "--format",
        choices=("dot", "mermaid"),
        default="dot",
        help="Graphviz DOT (default) or Mermaid",
    )
    add_output(graph)

    graph.set_defaults(run=_graph)


def _report(args: argparse.Namespace) -> None:
    claim_set = claim_set_of(args)
    claims = sorted((c.id for c in claim_set.claims), key=natural_key)
    progress = Progress(sys.stderr, len(claims), "reporting", "claims")
    reports = []
    with pause_cyclic_gc():
        for number, claim in enumerate(claims, 1):
            report = claim_set.corroboration(claim, as_of=args.as_of)
            if args.status is None or report.status.value == args.status:
                reports.append(report)
            progress.update(number)
    progress.done()
    note = _EXAMPLE_NOTE if args.example else None
    if args.format == "html":
        page = report_page(
            claim_set,
            as_of=args.as_of,
            claims=[r.claim for r in reports],
            note=note,
        )
        write_output(args.output, page, "the report page")
        return
    if args.format == "json":
        document: dict[str, object] = {"as_of": args.as_of}
        if note:
            document["note"] = note
        document["claims"] = [report_to_json(r) for r in reports]
        document["summary"] = status_summary(reports)
        write_output(args.output, json_text(document), "the report as JSON")
        return
    out = io.StringIO()
    if note:
        out.write(note + "\n\n")
    header = (
        "claim",
        "status",
        "groups",
        "if suspected",
        "naive",
        "cred",
        "reason",
    )
    rows = [
        (
            r.claim,
            r.status.value,
            f"{len(r.asserting_groups)}/{len(r.denying_groups)}",
            _groups_if_suspected(r),
            str(r.naive_source_count),
            str(r.credibility),
            r.reason,
        )
        for r in reports
    ]
    padded = len(header) - 1  # the reason is last, and not padded
    widths = [
        max(len(row[i]) for row in (header, *rows)) for i in range(padded)
    ]
    for row in (header, *rows):
        cells = [
            cell.ljust(width) for cell, width in zip(row, widths, strict=False)
        ]
        out.write("  ".join((*cells, row[padded])).rstrip() + "\n")
    out.write("\n" + status_summary(reports) + "\n")
    out.write(
        "groups: independent origin groups asserting/denying; naive: "
        "distinct asserting sources; cred: Admiralty credibility 1-6\n"
        "if suspected: the groups if the suspicions that hold were "
        "declared ('claimtrack suspect' lists them)\n"
    )
    changes = _status_changes(claim_set, reports, args.as_of)
    if changes:
        out.write(changes + "\n")
    write_output(args.output, out.getvalue(), "the report")


def _groups_if_suspected(report: CorroborationReport) -> str:
    """The report's groups if its suspicions were declared, or nothing."""
    if report.groups_if_suspicions_hold is None:
        return ""
    asserting, denying = report.groups_if_suspicions_hold
    return f"{asserting}/{denying}"


_LISTED_CHANGES = 3
"""How many claims the line on status changes names."""


def _status_changes(
    claim_set: ClaimSet,
    reports: Sequence[CorroborationReport],
    as_of: str | None,
) -> str | None:
    """
    The line on claims whose status the suspicions that hold change.

    Under the policy's ``suspicions="count"`` the statuses shown already
    count the suspicions: the line names those that differ from what the
    declared records alone give.
    """
    changed: list[tuple[CorroborationReport, EvidenceStatus]] = []
    for report in reports:
        if report.groups_if_suspicions_hold is None:
            continue
        counted = report.policy.suspicions == "count"
        other = claim_set.corroboration(
            report.claim,
            as_of=as_of,
            policy=attrs.evolve(
                report.policy, suspicions="flag" if counted else "count"
            ),
        )
        if other.status is not report.status:
            changed.append((report, other.status))
    if not changed:
        return None
    # One policy for every report: the claim set's.
    counted = changed[0][0].policy.suspicions == "count"
    named = [
        f"{r.claim} {other.value} -> {r.status.value}"
        if counted
        else f"{r.claim} {r.status.value} -> {other.value}"
        for r, other in changed[:_LISTED_CHANGES]
    ]
    if len(changed) > _LISTED_CHANGES:
        named.append(f"{len(changed) - _LISTED_CHANGES} more")
    claims = "1 claim" if len(changed) == 1 else f"{len(changed)} claims"
    if counted:
        verb = "has" if len(changed) == 1 else "have"
        said = (
            f"{claims} {verb} another status than the declared records "
            "give, because the policy counts the suspicions that hold"
        )
    else:
        said = f"{claims} would change status if the suspicions held"
    return f"{said}: {', '.join(named)}"


def _explain(args: argparse.Namespace) -> None:
    out = sys.stdout
    claim_set = claim_set_of(args)
    report = claim_set.corroboration(args.claim, as_of=args.as_of)
    out.write(report.explain() + "\n")


def _graph(args: argparse.Namespace) -> None:
    claim_set = claim_set_of(args)
    draw = to_dot if args.format == "dot" else to_mermaid
    name = "DOT" if args.format == "dot" else "Mermaid"
    write_output(
        args.output,
        draw(claim_set, args.claim, as_of=args.as_of),
        f"the {name} diagram of claim {args.claim!r}",
    )
