# SPDX-License-Identifier: MIT
"""The ``claimtrack`` command line."""

from __future__ import annotations

import argparse
import json
import math
import os
import stat
import sys
import time
import warnings

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import attrs

import claimtrack

from claimtrack._bulk import gc_paused
from claimtrack._claimset import ClaimSet
from claimtrack._dates import PartialDate, _parse_absolute
from claimtrack._example import ASSUMED_ARTICLE_DATE, example
from claimtrack._files import write_atomically
from claimtrack._ordering import natural_key
from claimtrack._report import CorroborationReport, EvidenceStatus
from claimtrack._suspicions import Suspicion, SuspicionKind
from claimtrack.claimreview import export_claimreviews, import_claimreviews
from claimtrack.exceptions import (
    ClaimReviewExportError,
    ClaimReviewWarning,
    ClaimtrackError,
    FormatError,
    InvalidValueError,
)
from claimtrack.graph import to_dot, to_mermaid
from claimtrack.prov import dumps_prov


__all__ = ["main"]

PROGRESS_THRESHOLD = 2000
"""Claims (or records) from which long work shows progress on a terminal."""

_EXAMPLE_NOTE = (
    "Bundled example: a news article whose date is not known; assumed "
    f"{ASSUMED_ARTICLE_DATE}."
)


class _UsageError(Exception):
    """Bad usage found after parsing: exit code 2."""


class _DataError(Exception):
    """Bad data: exit code 1, one line per message."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__(*self.lines)


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples)
    command = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(usage=command.format_usage)
    return command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Is a claim independently corroborated, or do all "
        "its sources lead back to one voice?",
        epilog="examples:\n"
        "  claimtrack report --example\n"
        "  claimtrack example -o claims.json\n"
        "  claimtrack explain claims.json c3\n"
        "  claimtrack suspect claims.json\n"
        "  claimtrack graph claims.json c3 | dot -Tsvg -o c3.svg\n"
        "\nRun 'claimtrack COMMAND --help' for each command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"claimtrack {claimtrack.__version__}",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND"
    )

    report = _command(
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

    suspect = _command(
        commands,
        "suspect",
        "list dependence the records suggest but nobody declared",
        "List suspicions, strongest first: reused text between documents, "
        "shared quotes, wire credits, copying sources and claims that say "
        "the same thing in other words. Each comes with its score, the "
        "threshold at or above which it holds, whether it holds, the "
        "records it joins and its evidence. Without --min-score, only "
        "those that hold.",
        [
            "claimtrack suspect claims.json",
            "claimtrack suspect claims.json --kinds reused_text shared_quote",
            (
                "claimtrack suspect claims.json --min-score 0 --format json "
                "-o suspicions.json"
            ),
        ],
    )
    suspect.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )
    _add_example(suspect)
    suspect.add_argument(
        "--kinds",
        nargs="+",
        metavar="KIND",
        help="only these kinds: "
        + ", ".join(k.value for k in SuspicionKind)
        + " (all by default)",
    )
    suspect.add_argument(
        "--min-score",
        metavar="S",
        help="only suspicions scoring at least S, from 0 to 1 (by default, "
        "those at or above their kind's threshold)",
    )
    suspect.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a terminal (default), json for scripts",
    )
    _add_output(suspect)
    suspect.set_defaults(as_of=None)

    explain = _command(
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
    _add_example_and_date(explain)

    validate = _command(
        commands,
        "validate",
        "check a claimtrack JSON file",
        "Check a claimtrack JSON file: print a one-line summary and exit "
        "0, or print every problem with its JSON path and exit 1.",
        [
            "claimtrack validate claims.json",
            "cat claims.json | claimtrack validate -",
        ],
    )
    validate.add_argument(
        "file",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )

    export_prov = _command(
        commands,
        "export-prov",
        "write the claim set as W3C PROV-JSON",
        "Write the claim set as a W3C PROV-JSON document: sources as "
        "agents, documents, claims and statements as entities, "
        "attribution, derivation, delegation and invalidation as PROV "
        "relations, the rest as claimtrack: attributes.",
        [
            "claimtrack export-prov claims.json -o claims.prov.json",
            "claimtrack export-prov --example | less",
        ],
    )
    _add_input(export_prov)
    _add_output(export_prov)

    graph = _command(
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
    _add_example_and_date(graph)
    graph.add_argument(
        "--format",
        choices=("dot", "mermaid"),
        default="dot",
        help="Graphviz DOT (default) or Mermaid",
    )
    _add_output(graph)

    importer = _command(
        commands,
        "import-claimreview",
        "record schema.org ClaimReview data as a claim set",
        "Import schema.org ClaimReview JSON (JSON-LD, @graph documents, "
        "Data Commons feeds, Fact Check Tools API items) into a claim set: "
        "claims, reviewers, reviews with their ratings, claimants and the "
        "documents where the claim appeared. Records without claim text or "
        "rating are skipped and reported, unless --strict. When -o names "
        "an existing claim set, the imports are added to it.",
        [
            "claimtrack import-claimreview afp.json boom.json -o claims.json",
            "claimtrack import-claimreview --strict page.json",
        ],
    )
    importer.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="ClaimReview JSON files ('-' for standard input)",
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first record that cannot be imported (exit 1)",
    )
    _add_output(importer)

    exporter = _command(
        commands,
        "export-claimreview",
        "write a claim set's reviews as schema.org ClaimReview",
        "Write every review of a claim set as a schema.org ClaimReview "
        "JSON-LD object (a JSON list), with what Google's fact-check "
        "markup requires and recommends. A review that lacks what Google "
        "requires (a url, a rating label) stops the export, naming each "
        "missing property, unless --allow-incomplete.",
        [
            "claimtrack export-claimreview claims.json -o reviews.json",
            "claimtrack export-claimreview claims.json --allow-incomplete",
        ],
    )
    _add_input(exporter)
    _add_output(exporter)
    exporter.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="write reviews Google would refuse too, listing what each "
        "lacks on standard error",
    )

    sample = _command(
        commands,
        "example",
        "write the bundled example as claimtrack JSON",
        "Write the bundled Sahel counter-offensive example as a claimtrack "
        "JSON file, to start from a real case.",
        ["claimtrack example -o claims.json", "claimtrack example | less"],
    )
    sample.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="where to write it (default '-': standard output)",
    )
    return parser


def _add_input(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a claimtrack JSON file ('-' for standard input)",
    )
    _add_example_and_date(command)


def _add_example(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--example",
        action="store_true",
        help="use the bundled Sahel counter-offensive example instead of FILE",
    )


def _add_output(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="where to write (default '-': standard output)",
    )


def _add_example_and_date(command: argparse.ArgumentParser) -> None:
    _add_example(command)
    command.add_argument(
        "--as-of",
        metavar="DATE",
        help="count only what was said, and retracted, by this ISO 8601 date",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the ``claimtrack`` command with *argv* (default: ``sys.argv``).

    Returns:
        The exit code: 0 on success, 1 for bad data, 2 for bad usage.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "report":
            _report(args, sys.stdout)
        elif args.command == "suspect":
            _suspect(args)
        elif args.command == "explain":
            _explain(args, sys.stdout)
        elif args.command == "validate":
            _validate(args, sys.stdout)
        elif args.command == "export-prov":
            claim_set = _claim_set(args)
            _write(
                args.output,
                dumps_prov(claim_set, as_of=args.as_of),
                "the claim set as W3C PROV-JSON",
            )
        elif args.command == "import-claimreview":
            _import_claimreview(args)
        elif args.command == "export-claimreview":
            _export_claimreview(args)
        elif args.command == "graph":
            _graph(args)
        else:
            _example(args)
    except _UsageError as e:
        sys.stderr.write(args.usage())
        sys.stderr.write(f"claimtrack {args.command}: error: {e}\n")
        return 2
    except _DataError as e:
        for line in e.lines:
            sys.stderr.write(f"claimtrack: error: {line}\n")
        return 1
    except ClaimtrackError as e:
        for line in str(e).splitlines():
            sys.stderr.write(f"claimtrack: error: {line}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (`claimtrack report ... | head`): stop
        # quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0


# -- input ----------------------------------------------------------------


def _claim_set(args: argparse.Namespace) -> ClaimSet:
    """The claim set named by FILE or --example, once --as-of is read."""
    if args.example and args.file is not None:
        raise _UsageError("give FILE or --example, not both")
    if not args.example and args.file is None:
        raise _UsageError(_no_file(args))
    _check_as_of(args.as_of)
    if args.example:
        return example()
    return _load(args.file)


def _no_file(args: argparse.Namespace) -> str:
    """What to say when there is neither FILE nor --example."""
    claim: str | None = getattr(args, "claim", None)
    if claim is None:
        return "give a claimtrack JSON FILE, or --example"
    # With one word, argparse fills CLAIM before the optional FILE: when
    # that word names a file, the claim is what is missing.
    if claim == "-" or claim.endswith(".json") or Path(claim).is_file():
        verb = "explain" if args.command == "explain" else "draw"
        return (
            f"missing CLAIM: give the id of the claim to {verb} after "
            f"FILE, as in 'claimtrack {args.command} {claim} CLAIM' "
            f"('claimtrack report {claim}' lists the claim ids)"
        )
    return f"give a claimtrack JSON FILE before CLAIM {claim}, or --example"


_ANY_DAY = "2000-01-01"
"""A reference date: text read against it, but not alone, is relative."""

_DATE_FORMS = (
    "YYYY, YYYY-MM, YYYY-MM-DD or a datetime such as 2025-06-04T18:00:00+00:00"
)


def _check_as_of(text: str | None) -> None:
    """Refuse an --as-of date that cannot be read, saying what can."""
    if text is None:
        return
    try:
        if _parse_absolute(text) is not None:
            return
    except InvalidValueError as e:  # ISO 8601, but no such date
        reason = e.reason
    else:
        try:
            PartialDate.parse(text, reference=_ANY_DAY)
        except InvalidValueError:
            reason = f"expected an ISO 8601 date ({_DATE_FORMS})"
        else:
            reason = (
                "a relative date needs a reference date to resolve "
                "against, and --as-of has none: give the date itself in "
                f"ISO 8601 ({_DATE_FORMS}), as in --as-of 2025-06-04"
            )
    raise _DataError([f"invalid date {text!r} for --as-of: {reason}"])


def _read(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(file).read_bytes()
    except OSError as e:
        reason = e.strerror or str(e)
        raise _DataError([f"cannot read {file}: {reason}"]) from None


def _load(file: str, data: bytes | None = None) -> ClaimSet:
    if data is None:
        data = _read(file)
    progress = _Progress(sys.stderr, len(data), f"loading {file}", "bytes")
    progress.note(
        f"loading {file} ({len(data) / 1e6:.1f} MB)",
        large=len(data) >= 1_000_000,
    )
    try:
        return ClaimSet.from_json(data)
    except FormatError as e:
        raise _DataError([f"{file}: {p}" for p in e.problems]) from None
    finally:
        progress.done()


# -- commands -------------------------------------------------------------


def _report(args: argparse.Namespace, out: TextIO) -> None:
    claim_set = _claim_set(args)
    claims = sorted((c.id for c in claim_set.claims), key=natural_key)
    progress = _Progress(sys.stderr, len(claims), "reporting", "claims")
    reports = []
    with gc_paused():
        for number, claim in enumerate(claims, 1):
            report = claim_set.corroboration(claim, as_of=args.as_of)
            if args.status is None or report.status.value == args.status:
                reports.append(report)
            progress.update(number)
    progress.done()
    note = _EXAMPLE_NOTE if args.example else None
    if args.format == "json":
        document: dict[str, object] = {"as_of": args.as_of}
        if note:
            document["note"] = note
        document["claims"] = [_as_json(r) for r in reports]
        document["summary"] = _summary(reports)
        out.write(_json_text(document))
        return
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
    out.write("\n" + _summary(reports) + "\n")
    out.write(
        "groups: independent origin groups asserting/denying; naive: "
        "distinct asserting sources; cred: Admiralty credibility 1-6\n"
        "if suspected: the groups if the suspicions that hold were "
        "declared ('claimtrack suspect' lists them)\n"
    )
    changes = _status_changes(claim_set, reports, args.as_of)
    if changes:
        out.write(changes + "\n")


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


def _suspect(args: argparse.Namespace) -> None:
    kinds = _kinds(args)
    min_score = _min_score(args.min_score)
    claim_set = _claim_set(args)
    documents = len(claim_set.documents)
    progress = _Progress(
        sys.stderr, documents, "finding suspicions", "documents"
    )
    progress.note(
        f"finding suspicions among {documents:,} documents",
        large=documents >= PROGRESS_THRESHOLD,
    )
    try:
        found = claim_set.suspicions(kinds=kinds, min_score=min_score)
    finally:
        progress.done()
    count = len(found)
    noun = "suspicion" if count == 1 else "suspicions"
    what = f"{count or 'no'} {noun}"
    if args.format == "json":
        text = _json_text([s.to_json() for s in found])
        _write(args.output, text, f"{what} as JSON")
        return
    if not found and args.output == "-":
        sys.stderr.write(f"claimtrack: {_nothing_found(claim_set, kinds)}\n")
        return
    text = "".join(_suspicion_block(s) + "\n" for s in found)
    if found:
        holding = sum(s.holds for s in found)
        parts = [f"{holding} {'holds' if holding == 1 else 'hold'}"]
        if holding < count:
            parts.append(f"{count - holding} below threshold")
        text += f"{what}: {', '.join(parts)}\n"
    _write(args.output, text, what)


def _kinds(args: argparse.Namespace) -> list[SuspicionKind] | None:
    """The kinds --kinds names (commas also separate them), or all."""
    if args.kinds is None:
        return None
    chosen: list[SuspicionKind] = []
    for given in args.kinds:
        for name in given.split(","):
            try:
                kind = SuspicionKind(name.strip())
            except ValueError:
                raise _UsageError(_unknown_kind(args, name)) from None
            if kind not in chosen:
                chosen.append(kind)
    return chosen


def _unknown_kind(args: argparse.Namespace, name: str) -> str:
    expected = ", ".join(k.value for k in SuspicionKind)
    said = f"unknown kind {name!r} for --kinds: expected {expected}"
    # --kinds takes every word after it: FILE too, when it comes last.
    if args.file is None and (
        name == "-" or name.endswith(".json") or Path(name).is_file()
    ):
        said += (
            f"; give FILE before --kinds, as in 'claimtrack suspect {name} "
            f"--kinds {args.kinds[0]}'"
        )
    return said


def _min_score(text: str | None) -> float | None:
    """The --min-score given, a number from 0 to 1, or None."""
    if text is None:
        return None
    try:
        score = float(text)
    except ValueError:
        score = math.nan
    if not 0 <= score <= 1:  # NaN too
        raise _UsageError(
            f"invalid --min-score {text!r}: expected a number from 0 to 1, "
            "as in --min-score 0.5"
        )
    return score


def _nothing_found(
    claim_set: ClaimSet, kinds: list[SuspicionKind] | None
) -> str:
    """What to say when no suspicion is listed."""
    weaker = len(claim_set.suspicions(kinds=kinds, min_score=0.0))
    if weaker == 0:
        return "no suspicions"
    return (
        "no suspicions at or above their threshold; --min-score 0 lists "
        f"{weaker} weaker {'one' if weaker == 1 else 'ones'}"
    )


def _suspicion_block(suspicion: Suspicion) -> str:
    """One suspicion in a few lines, for a person to read."""
    holds = "holds" if suspicion.holds else "does not hold"
    records = ", ".join(suspicion.records)
    if suspicion.ordered:
        records += " (earlier first)"
    return (
        f"{suspicion.kind.value}: score {suspicion.score:.2f}, threshold "
        f"{suspicion.threshold:.2f}: {holds}\n"
        f"  records: {records}\n"
        f"  evidence: {suspicion.evidence}\n"
    )


def _explain(args: argparse.Namespace, out: TextIO) -> None:
    claim_set = _claim_set(args)
    report = claim_set.corroboration(args.claim, as_of=args.as_of)
    out.write(report.explain() + "\n")


def _graph(args: argparse.Namespace) -> None:
    claim_set = _claim_set(args)
    draw = to_dot if args.format == "dot" else to_mermaid
    name = "DOT" if args.format == "dot" else "Mermaid"
    _write(
        args.output,
        draw(claim_set, args.claim, as_of=args.as_of),
        f"the {name} diagram of claim {args.claim!r}",
    )


def _validate(args: argparse.Namespace, out: TextIO) -> None:
    data = _read(args.file)
    claim_set = _load(args.file, data)
    tables: list[tuple[str, tuple[object, ...]]] = [
        ("sources", claim_set.sources),
        ("documents", claim_set.documents),
        ("claims", claim_set.claims),
        ("statements", claim_set.statements),
        ("links", claim_set.links),
    ]
    if claim_set.reviews:
        tables.append(("reviews", claim_set.reviews))
    counts = ", ".join(f"{len(records)} {name}" for name, records in tables)
    # The file loaded, so it is JSON with a version the loader accepts.
    version = json.loads(data)["version"]
    out.write(
        f"{args.file}: valid claimtrack JSON (format version {version}): "
        f"{counts}\n"
    )


def _example(args: argparse.Namespace) -> None:
    _write(args.output, example().to_json(), "the bundled example")


def _import_claimreview(args: argparse.Namespace) -> None:
    existing = args.output != "-" and Path(args.output).exists()
    claim_set = _load(args.output) if existing else ClaimSet()
    imported = 0
    for file in args.files:
        try:
            data = json.loads(_read(file))
        except (ValueError, RecursionError) as e:
            raise _DataError([f"{file}: not JSON: {e}"]) from None
        try:
            result = import_claimreviews(
                claim_set, data, errors="raise" if args.strict else "collect"
            )
        except ClaimtrackError as e:
            raise _DataError([f"{file}: {e}"]) from None
        imported += len(result.reviews)
        for skipped in result.skipped:
            sys.stderr.write(
                f"claimtrack: skipped {file}: {skipped.path}: {skipped.reason}\n"
            )
        for note in result.notes:
            sys.stderr.write(f"claimtrack: note: {file}: {note}\n")
    _write(args.output, claim_set.to_json())
    if args.output != "-":
        noun = "review" if imported == 1 else "reviews"
        sys.stderr.write(
            f"claimtrack: imported {imported} {noun} from {len(args.files)} "
            f"file(s) into {args.output}\n"
        )


def _export_claimreview(args: argparse.Namespace) -> None:
    claim_set = _claim_set(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ClaimReviewWarning)
        try:
            exported = export_claimreviews(
                claim_set, strict=not args.allow_incomplete
            )
        except ClaimReviewExportError as e:
            hint = (
                "nothing written: Google refuses ClaimReview without "
                "these; --allow-incomplete writes them anyway"
            )
            raise _DataError([*map(str, e.problems), hint]) from None
    for warning in caught:
        if issubclass(warning.category, ClaimReviewWarning):
            sys.stderr.write(f"claimtrack: warning: {warning.message}\n")
        else:
            warnings.warn_explicit(
                warning.message,
                warning.category,
                warning.filename,
                warning.lineno,
            )
    for problem in exported.problems:
        sys.stderr.write(f"claimtrack: incomplete: {problem}\n")
    _write(args.output, _json_text(exported))


def _json_text(value: object) -> str:
    """*value* as the commands write JSON: indented, UTF-8 as is, a newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _write(output: str, text: str, what: str | None = None) -> None:
    """
    Write *text* to standard output ('-') or a file.

    With *what*, writing a file is confirmed on standard error, as
    ``claimtrack example -o`` does.
    """
    if output == "-":
        sys.stdout.write(text)
        return
    try:
        if _is_stream(output):
            # /dev/stdout, a pipe, a terminal: there is nothing to replace.
            with Path(output).open("w", encoding="utf-8") as stream:
                stream.write(text)
        else:
            write_atomically(output, (text,))
    except OSError as e:
        reason = e.strerror or str(e)
        raise _DataError([f"cannot write {output}: {reason}"]) from None
    if what is not None:
        sys.stderr.write(f"claimtrack: wrote {what} to {output}\n")


def _is_stream(output: str) -> bool:
    """Whether *output* names a character device or a pipe, not a file."""
    try:
        mode = Path(output).stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


# -- output helpers -------------------------------------------------------


class _Progress:
    """A one-line counter on a terminal's stderr; silent anywhere else."""

    def __init__(
        self, stream: TextIO, total: int, label: str, unit: str
    ) -> None:
        self._stream = stream
        self._total = total
        self._label = label
        self._unit = unit
        self._shown = False
        self._last = 0.0
        self._on = (
            unit != "claims" or total >= PROGRESS_THRESHOLD
        ) and _is_terminal(stream)

    def note(self, text: str, *, large: bool) -> None:
        """Show *text* while long work runs, if *large* and on a terminal."""
        if self._on and large:
            self._stream.write(text + "...")
            self._stream.flush()
            self._shown = True

    def update(self, done: int) -> None:
        """Show that *done* of the total are finished (at most 10 times a second)."""
        if not self._on:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != self._total:
            return
        self._last = now
        self._stream.write(
            f"\r{self._label}: {done:,}/{self._total:,} {self._unit}"
        )
        self._stream.flush()
        self._shown = True

    def done(self) -> None:
        """Clear the progress line."""
        if self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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
        "suspicions": [s.to_json() for s in report.suspicions],
        "groups_if_suspicions_hold": (
            None
            if report.groups_if_suspicions_hold is None
            else list(report.groups_if_suspicions_hold)
        ),
    }
