# SPDX-License-Identifier: MIT
"""The ``claimtrack`` command line."""

from __future__ import annotations

import argparse
import json
import sys

from collections.abc import Sequence
from typing import TextIO

import claimtrack

from claimtrack._claimset import ClaimSet
from claimtrack._example import ASSUMED_ARTICLE_DATE, example
from claimtrack._report import CorroborationReport, EvidenceStatus
from claimtrack.exceptions import ClaimtrackError


__all__ = ["main"]

_EXAMPLE_NOTE = (
    "Bundled example: a news article whose date is not known; assumed "
    f"{ASSUMED_ARTICLE_DATE}."
)

_EPILOG = """\
examples:
  claimtrack report --example
  claimtrack report --example --as-of 2025-06-04 --status single_origin
  claimtrack explain --example c3
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Is a claim independently corroborated, or do all "
        "its sources lead back to one voice?",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=claimtrack.__version__
    )
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser(
        "report",
        help="every claim with its evidence status",
        description="Print every claim with its status, independent "
        "origin groups, naive source count, credibility and a reason.",
        epilog="example:\n  claimtrack report --example --as-of 2025-06-04",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input(report)
    report.add_argument(
        "--status",
        choices=[s.value for s in EvidenceStatus],
        help="only claims with this status",
    )
    report.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a terminal (default), json for scripts",
    )

    explain = commands.add_parser(
        "explain",
        help="why one claim has its status",
        description="Explain one claim's status: origin groups, chains, "
        "merges and retractions.",
        epilog="example:\n  claimtrack explain --example c3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input(explain)
    explain.add_argument("claim", help="the claim id")
    return parser


def _add_input(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--example",
        action="store_true",
        required=True,
        help="use the bundled Sahel counter-offensive example",
    )
    command.add_argument(
        "--as-of",
        metavar="DATE",
        help="count only what was said by this ISO 8601 date",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``claimtrack`` command with *argv* (default: ``sys.argv``).

    Returns:
        The exit code: 0 on success, 1 for bad data, 2 for bad usage.
    """
    args = _parser().parse_args(argv)
    try:
        claim_set = example()
        if args.command == "report":
            _report(claim_set, args, sys.stdout)
        else:
            report = claim_set.corroboration(args.claim, as_of=args.as_of)
            sys.stdout.write(report.explain() + "\n")
    except ClaimtrackError as e:
        sys.stderr.write(f"claimtrack: error: {e}\n")
        return 1
    return 0


def _report(
    claim_set: ClaimSet, args: argparse.Namespace, out: TextIO
) -> None:
    reports = [
        r
        for r in claim_set.reports(as_of=args.as_of)
        if args.status is None or r.status.value == args.status
    ]
    reports.sort(key=lambda r: _natural(r.claim))
    if args.format == "json":
        json.dump(
            {
                "as_of": args.as_of,
                "note": _EXAMPLE_NOTE,
                "claims": [_as_json(r) for r in reports],
                "summary": _summary(reports),
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
        return
    header = ("claim", "status", "groups", "naive", "cred", "reason")
    rows = [
        (
            r.claim,
            r.status.value,
            f"{len(r.asserting_groups)}/{len(r.denying_groups)}",
            str(r.naive_source_count),
            str(r.credibility),
            r.reason,
        )
        for r in reports
    ]
    out.write(_EXAMPLE_NOTE + "\n\n")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(5)]
    for row in (header, *rows):
        cells = [
            cell.ljust(width) for cell, width in zip(row, widths, strict=False)
        ]
        out.write("  ".join((*cells, row[5])).rstrip() + "\n")
    out.write("\n" + _summary(reports) + "\n")
    out.write(
        "groups: independent origin groups asserting/denying; naive: "
        "distinct asserting sources; cred: Admiralty credibility 1-6\n"
    )


def _natural(claim: str) -> tuple[str, int, str]:
    """Sort ``c2`` before ``c10``."""
    head = claim.rstrip("0123456789")
    tail = claim[len(head) :]
    return (head, int(tail) if tail else -1, claim)


def _summary(reports: Sequence[CorroborationReport]) -> str:
    counts = dict.fromkeys(EvidenceStatus, 0)
    for report in reports:
        counts[report.status] += 1
    parts = [
        f"{counts[s]} {s.value.replace('_', ' ')}"
        for s in EvidenceStatus
        if counts[s] or s is EvidenceStatus.CORROBORATED
    ]
    noun = "claim" if len(reports) == 1 else "claims"
    return f"{len(reports)} {noun}: " + ", ".join(parts)


def _as_json(report: CorroborationReport) -> dict[str, object]:
    return {
        "claim": report.claim,
        "status": report.status.value,
        "corroborated": report.corroborated,
        "asserting_groups": [
            sorted(g.sources) for g in report.asserting_groups
        ],
        "denying_groups": [sorted(g.sources) for g in report.denying_groups],
        "naive_source_count": report.naive_source_count,
        "credibility": report.credibility,
        "report_codes": dict(sorted(report.report_codes.items())),
        "reason": report.reason,
    }
