# SPDX-License-Identifier: MIT
"""Smoke tests: the benchmark scripts run at a tiny size (no timings checked)."""

from __future__ import annotations

import json
import subprocess
import sys

from pathlib import Path


BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def test_run_py_runs(tmp_path: Path) -> None:
    """benchmarks/run.py measures a tiny size and writes its JSON results."""
    output = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--sizes",
            "100",
            "200",
            "--repeat",
            "1",
            "--json",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "| 101 | build |" in done.stdout  # 100 + one retraction
    assert "| growth |" in done.stdout
    assert "| 201 | make each frozen record alone" in done.stdout
    results = json.loads(output.read_text(encoding="utf-8"))["results"]
    assert [r["statements"] for r in results] == [101, 201]
    assert results[0]["claimtrack"]["memory_mb"] >= 0
    assert set(results[1]["anatomy"]) == {
        "call_each",
        "make_each",
        "strict_loads",
    }


def test_million_py_runs() -> None:
    """benchmarks/million.py loads and corroborates a tiny set."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "million.py"), "--size", "200"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "| 201 |" in done.stdout  # 200 + one retraction


def _discovery(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run benchmarks/discovery.py with *arguments*."""
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "discovery.py"), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def test_discovery_py_word_hashes_and_sampling() -> None:
    """benchmarks/discovery.py times per-word calls and other samplings."""
    hashes = _discovery("--word-hashes", "20")
    sampled = _discovery("--sample", "16", "--scale", "60")
    everything = _discovery("--every-fingerprint")

    assert hashes.returncode == 0, hashes.stderr
    assert "zlib.crc32 (what is used)" in hashes.stdout
    assert "len(), the cheapest call" in hashes.stdout
    assert sampled.returncode == 0, sampled.stderr
    assert "one shingle in 16 kept as a fingerprint, anchors only" in (
        sampled.stdout
    )
    assert "60 documents: suspicions" in sampled.stdout
    assert everything.returncode == 0, everything.stderr
    assert "in 8 kept as a fingerprint, every one indexed" in (
        everything.stdout
    )


def test_discovery_py_short_copies() -> None:
    """benchmarks/discovery.py counts short copies found both ways."""
    done = _discovery("--short-copies", "40")

    assert done.returncode == 0, done.stderr
    rows = [
        line.split()
        for line in done.stdout.splitlines()
        if line.strip()[:1].isdigit()
    ]
    assert [int(row[0]) for row in rows] == [20, 30, 50, 100, 150]
    # Every 150-word copy shares far more than one anchor: all are found.
    assert rows[-1][1:] == ["1.0000", "1.0000"]
