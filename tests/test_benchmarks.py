# SPDX-License-Identifier: MIT
"""Smoke tests: the benchmark scripts run at a tiny size (no timings checked)."""

from __future__ import annotations

import subprocess
import sys

from pathlib import Path


BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def test_json_io_runs() -> None:
    """benchmarks/json_io.py prints a table row for each size."""
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "json_io.py"),
            "--sizes",
            "50",
            "--repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    rows = done.stdout.strip().splitlines()
    assert rows[0].startswith("| claims |")
    assert rows[2].startswith("| 50 | 101 |")  # 100 + one retraction
