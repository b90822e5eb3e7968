# SPDX-License-Identifier: MIT
"""The suspect command: dependence the records suggest but nobody declared."""

from __future__ import annotations

import argparse
import math
import sys

from pathlib import Path

from claimtrack._claimset import ClaimSet
from claimtrack._cli.common import (
    PROGRESS_THRESHOLD,
    Commands,
    Progress,
    UsageError,
    add_example,
    add_output,
    claim_set_of,
    command,
    is_standard_output,
    json_text,
    write_output,
)
from claimtrack._suspicions import Suspicion, SuspicionKind


__all__ = ["add_commands"]


def add_commands(commands: Commands[argparse.ArgumentParser]) -> None:
    """Add suspect."""
    suspect = command(
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
    add_example(suspect)
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
    add_output(suspect)
    suspect.set_defaults(as_of=None)

    suspect.set_defaults(run=_suspect)


def _suspect(args: argparse.Namespace) -> None:
    kinds = _kinds(args)
    min_score = _min_score(args.min_score)
    claim_set = claim_set_of(args)
    documents = len(claim_set.documents)
    progress = Progress(
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
        text = json_text([s.to_json() for s in found])
        write_output(args.output, text, f"{what} as JSON")
        return
    if not found and is_standard_output(args.output):
        sys.stderr.write(f"claimtrack: {_nothing_found(claim_set, kinds)}\n")
        return
    text = "".join(_suspicion_block(s) + "\n" for s in found)
    if found:
        holding = sum(s.holds for s in found)
        parts = [f"{holding} {'holds' if holding == 1 else 'hold'}"]
        if holding < count:
            parts.append(f"{count - holding} below threshold")
        text += f"{what}: {', '.join(parts)}\n"
    write_output(args.output, text, what)


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
                raise UsageError(_unknown_kind(args, name)) from None
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
        raise UsageError(
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
