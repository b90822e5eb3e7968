# SPDX-License-Identifier: MIT
"""
Load a saved claim set and corroborate every claim, as a fresh user would.

Usage: python benchmarks/million.py [--size 1000000] [--runs 1]

The speed issue's last target: a million statements loaded from their
file and every claim corroborated in under 20 s together. The workload
(benchmarks/workload.py) is built and saved once; then each run starts a
fresh Python process that loads the file (`ClaimSet.load`) and asks
`reports()` twice: the first answer pays for everything a fresh set has
not computed yet (the copying-sources search behind `report.suspicions`
among it), the second is answered from what the first left. Times are
wall time of each step inside the child process, printed as Markdown.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time

from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

import claimtrack as ct

from workload import build


def measure_child(path: str) -> dict[str, float]:
    """Load *path* and corroborate everything; the seconds of each step."""
    start = time.perf_counter()
    claim_set = ct.ClaimSet.load(path)
    loaded = time.perf_counter()
    first = claim_set.reports()
    reported = time.perf_counter()
    claim_set.reports()
    again = time.perf_counter()
    return {
        "statements": len(claim_set.statements),
        "claims": len(first),
        "load": loaded - start,
        "reports": reported - loaded,
        "reports_again": again - reported,
    }


def main() -> None:
    """Build, save, and measure in fresh processes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size",
        type=int,
        default=1_000_000,
        help="statements (two per claim, as in run.py; default 1000000)",
    )
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_child(args.child)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "set.json")
        build(args.size // 2).save(path, indent=None)
        print(
            "| statements | load | first `reports()` | together "
            "| `reports()` again |"
        )
        print("|---:|---:|---:|---:|---:|")
        for _ in range(args.runs):
            done = subprocess.run(  # noqa: S603 - our own script
                [sys.executable, __file__, "--child", path],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                sys.exit(f"the measuring process failed:\n{done.stderr}")
            times = json.loads(done.stdout)
            together = times["load"] + times["reports"]
            print(
                f"| {times['statements']:,} | {times['load']:.2f} s "
                f"| {times['reports']:.2f} s | {together:.2f} s "
                f"| {times['reports_again']:.2f} s |"
            )


if __name__ == "__main__":
    main()
