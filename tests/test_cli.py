# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._cli`: the ``claimtrack`` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from pathlib import Path

import pytest

import claimtrack as ct

from claimtrack._cli import main


class TestReport:
    def test_example_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The main job prints all 13 claims and a summary line."""
        assert main(["report", "--example"]) == 0

        out = capsys.readouterr().out
        rows = [line for line in out.splitlines() if line.startswith("c")]
        assert len(rows) == 14  # the header starts with "claim"
        assert "13 claims: 0 corroborated, 13 single origin" in out
        assert "c3     single_origin  1/0     3" in out

    def test_json_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives every claim's figures to scripts."""
        assert main(["report", "--example", "--format", "json"]) == 0

        data = json.loads(capsys.readouterr().out)
        assert len(data["claims"]) == 13
        c3 = next(c for c in data["claims"] if c["claim"] == "c3")
        assert c3["asserting_groups"] == [["aes-inquiry"]]
        assert c3["naive_source_count"] == 3
        assert c3["report_codes"] == {"c3-aes": "F3"}

    def test_status_filter(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--status keeps only claims with that status."""
        assert main(["report", "--example", "--status", "corroborated"]) == 0

        assert "0 claims: 0 corroborated" in capsys.readouterr().out

    def test_as_of(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--as-of before the article leaves only the communiqué."""
        assert main(["report", "--example", "--as-of", "2025-06-04"]) == 0

        out = capsys.readouterr().out
        assert "c11    unsupported" in out

    def test_bad_date_is_bad_data(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unreadable date exits 1 with one line on stderr."""
        assert main(["report", "--example", "--as-of", "soon"]) == 1

        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert err.startswith("claimtrack: error: invalid date 'soon'")


class TestExplain:
    def test_explain(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The explain command prints the whole explanation of one claim."""
        assert main(["explain", "--example", "c3"]) == 0

        out = capsys.readouterr().out
        assert out.startswith("Claim 'c3': single origin")
        assert "c3-outlet" in out

    def test_unknown_claim(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown claim is bad data: exit 1, no traceback."""
        assert main(["explain", "--example", "c99"]) == 1

        captured = capsys.readouterr()
        assert captured.err == "claimtrack: error: unknown claim 'c99'\n"
        assert "Traceback" not in captured.err


class TestUsage:
    def test_bad_usage_exits_2(self) -> None:
        """A missing command is bad usage: exit code 2."""
        with pytest.raises(SystemExit) as caught:
            main([])

        assert caught.value.code == 2

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the package version."""
        with pytest.raises(SystemExit) as caught:
            main(["--version"])

        assert caught.value.code == 0
        assert capsys.readouterr().out.strip() == ct.__version__

    def test_help_has_an_example(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each command's help shows an example."""
        for command in ("report", "explain"):
            with pytest.raises(SystemExit):
                main([command, "--help"])
            assert "example" in capsys.readouterr().out

    def test_module_runs(self) -> None:
        """Running `python -m claimtrack` runs the same command."""
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "report", "--example"],
            capture_output=True,
            text=True,
            check=False,
        )

        assert done.returncode == 0
        assert "13 claims" in done.stdout

    def test_console_script(self) -> None:
        """The installed claimtrack script runs the report."""
        beside = Path(sys.executable).parent / "claimtrack"
        script = str(beside) if beside.exists() else shutil.which("claimtrack")
        assert script is not None, "claimtrack is not installed"

        done = subprocess.run(
            [script, "report", "--example"],
            capture_output=True,
            text=True,
            check=False,
        )

        assert done.returncode == 0, done.stderr
        assert "0 corroborated" in done.stdout
