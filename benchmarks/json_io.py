# SPDX-License-Identifier: MIT
"""
Time claimtrack's JSON load and save against plain ``json`` as the floor.

Usage: python benchmarks/json_io.py [--sizes 10000 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time

from collections.abc import Callable
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

import claimtrack as ct

from workload import build


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of *repeat* runs of *action*, GC collected first."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print one table row per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 100_000]
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        "| claims | statements | JSON MB | json.dumps | to_json | save "
        "| json.loads | from_json | load |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        print(_row(size, args.repeat))


def _row(size: int, repeat: int) -> str:
    """Measure one size and format its table row."""
    cs = build(size)
    text = cs.to_json()
    document = json.loads(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.json"
        cs.save(path)
        row = {
            "dumps": median_seconds(
                lambda: json.dumps(document, ensure_ascii=False, indent=2),
                repeat,
            ),
            "to_json": median_seconds(cs.to_json, repeat),
            "save": median_seconds(lambda: cs.save(path), repeat),
            "loads": median_seconds(lambda: json.loads(text), repeat),
            "from_json": median_seconds(
                lambda: ct.ClaimSet.from_json(text), repeat
            ),
            "load": median_seconds(lambda: ct.ClaimSet.load(path), repeat),
        }
    return (
        f"| {size:,} | {len(cs.statements):,} "
        f"| {len(text.encode()) / 1e6:.1f} "
        f"| {row['dumps']:.2f} s | {row['to_json']:.2f} s "
        f"| {row['save']:.2f} s | {row['loads']:.2f} s "
        f"| {row['from_json']:.2f} s | {row['load']:.2f} s |"
    )


if __name__ == "__main__":
    main()
