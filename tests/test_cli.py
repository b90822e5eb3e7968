# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._cli`: the ``claimtrack`` command."""

from __future__ import annotations

import errno
import io
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time

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
        assert "c3     single_origin  1/0                   3" in out

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
        assert "ISO 8601" in err
        assert "relative" not in err  # --as-of takes none

    @pytest.mark.parametrize(
        "date", ["yesterday", "today", "Wednesday", "last Friday"]
    )
    def test_relative_date_needs_a_reference(
        self, date: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A relative --as-of says it needs a reference, and what to give."""
        assert main(["report", "--example", "--as-of", date]) == 1

        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"claimtrack: error: invalid date {date!r} for --as-of: a "
            "relative date needs a reference date to resolve against, and "
            "--as-of has none: give the date itself in ISO 8601 (YYYY, "
            "YYYY-MM, YYYY-MM-DD or a datetime such as "
            "2025-06-04T18:00:00+00:00), as in --as-of 2025-06-04\n"
        )
        assert "document" not in captured.err

    @pytest.mark.parametrize(
        "command",
        [
            ["explain", "--example", "c3"],
            ["graph", "--example", "c3"],
            ["export-prov", "--example"],
        ],
    )
    def test_every_as_of_refuses_relative_dates(
        self, command: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every command with --as-of gives the same advice."""
        assert main([*command, "--as-of", "yesterday"]) == 1

        captured = capsys.readouterr()
        assert captured.out == ""
        assert "needs a reference date" in captured.err
        assert captured.err.count("\n") == 1

    def test_impossible_date_names_the_option(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An ISO 8601 date that does not exist says why, naming --as-of."""
        assert main(["report", "--example", "--as-of", "2025-13-01"]) == 1

        assert capsys.readouterr().err == (
            "claimtrack: error: invalid date '2025-13-01' for --as-of: not "
            "a valid ISO 8601 date (month must be in 1..12)\n"
        )

    def test_natural_order(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The report and reports() share one order: c2 before c10."""
        huge = "c" + "9" * 5000  # int() refuses more than 4300 digits
        ids = ["c10", huge, "c2", "b", "c1a", "c" + "1" * 5000, "c", "c02"]
        cs = ct.ClaimSet()
        for claim in ids:
            cs.record_claim(claim, text=f"Claim {claim[:5]}")
        path = tmp_path / "claims.json"
        cs.save(path)

        assert main(["report", str(path), "--format", "json"]) == 0

        document = json.loads(capsys.readouterr().out)
        listed = [c["claim"] for c in document["claims"]]
        expected = [
            "b",
            "c",
            "c1a",
            "c02",
            "c2",
            "c10",
            "c" + "1" * 5000,
            huge,
        ]
        assert listed == expected
        assert [r.claim for r in cs.reports()] == expected


WIRE_TEXT = (
    "The regional water authority said on Monday that the northern "
    "reservoir had fallen to eleven percent of its capacity, the lowest "
    "level recorded since the drought of 1976, and that rationing would "
    "begin in twelve districts next week unless heavy rain arrives."
)


def reprint_set(policy: ct.CorroborationPolicy | None = None) -> ct.ClaimSet:
    """
    A daily that reprints a wire story as its own, and a gazette that does not.

    Nothing declares the reprint, so both claims count the daily as a
    voice of its own: 'low' is corroborated by the wire and the daily
    alone, and would be single origin if the reused text were declared.
    The two sources saying the same claims is a weaker suspicion, below
    its threshold.
    """
    cs = ct.ClaimSet() if policy is None else ct.ClaimSet(policy=policy)
    cs.record_source("wire", name="Wire Agency")
    cs.record_source("daily", name="The Daily")
    cs.record_source("gazette", name="The Gazette")
    cs.record_document(
        "story", publisher="wire", date="2025-03-03", text=WIRE_TEXT
    )
    cs.record_document(
        "reprint",
        publisher="daily",
        date="2025-03-04",
        text="From our correspondent. " + WIRE_TEXT,
    )
    cs.record_document(
        "own",
        publisher="gazette",
        date="2025-03-04",
        text="Our reporter visited the reservoir. Farmers said the "
        "rationing plan was unfair and that they had been warned for "
        "months.",
    )
    cs.record_claim("low", text="The northern reservoir is at 11 percent")
    cs.record_claim("ration", text="Rationing begins in twelve districts")
    for statement, claim, source, document in [
        ("s1", "low", "wire", "story"),
        ("s2", "low", "daily", "reprint"),
        ("s3", "ration", "wire", "story"),
        ("s4", "ration", "daily", "reprint"),
        ("s5", "ration", "gazette", "own"),
    ]:
        cs.record_statement(
            statement, claim=claim, source=source, document=document
        )
    return cs


@pytest.fixture(name="reprint_file")
def _reprint_file(tmp_path: Path) -> Path:
    """`reprint_set`, saved as a claimtrack JSON file."""
    path = tmp_path / "reprint.json"
    reprint_set().save(path)
    return path


def test_reprint_set_has_suspicions() -> None:
    """The fixture holds what the tests below rely on."""
    cs = reprint_set()
    found = cs.suspicions(min_score=0)

    assert [(s.kind, s.records, s.holds) for s in found] == [
        (ct.SuspicionKind.REUSED_TEXT, ("story", "reprint"), True),
        (ct.SuspicionKind.COPYING_SOURCE, ("wire", "daily"), False),
    ]
    low, ration = cs.reports()
    assert low.status is ct.EvidenceStatus.CORROBORATED
    assert low.groups_if_suspicions_hold == (1, 0)
    assert ration.groups_if_suspicions_hold == (2, 0)


class TestReportSuspicions:
    def test_column_and_changes(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The report shows the groups if suspected, and what would change."""
        assert main(["report", str(reprint_file)]) == 0

        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == (
            "claim   status        groups  if suspected  naive  cred  reason"
        )
        assert lines[1].startswith("low     corroborated  2/0     1/0  ")
        assert lines[2].startswith("ration  corroborated  3/0     2/0  ")
        assert lines[-1] == (
            "1 claim would change status if the suspicions held: low "
            "corroborated -> single_origin"
        )

    def test_empty_column_and_no_line_without_suspicions(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without suspicions the column is empty and no line is added."""
        assert main(["report", "--example"]) == 0

        lines = capsys.readouterr().out.splitlines()
        c1 = next(line for line in lines if line.startswith("c1 "))
        assert "1/0                   2      3     one voice" in c1
        assert lines[-2].startswith("groups: independent origin groups")
        assert lines[-1] == (
            "if suspected: the groups if the suspicions that hold were "
            "declared ('claimtrack suspect' lists them)"
        )

    def test_no_line_when_no_status_changes(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Suspicions that change no status fill the column, no line."""
        cs = reprint_set()
        cs.record_source("radio", name="Radio")
        cs.record_statement("s6", claim="low", source="radio")
        path = tmp_path / "claims.json"
        cs.save(path)

        assert main(["report", str(path)]) == 0

        out = capsys.readouterr().out
        assert "low     corroborated  3/0     2/0  " in out
        assert "would change" not in out

    def test_count_policy(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Under suspicions="count" the line says what the policy changed."""
        path = tmp_path / "claims.json"
        reprint_set(ct.CorroborationPolicy(suspicions="count")).save(path)

        assert main(["report", str(path)]) == 0

        out = capsys.readouterr().out
        assert "low     single_origin  1/0     1/0  " in out
        assert out.splitlines()[-1] == (
            "1 claim has another status than the declared records give, "
            "because the policy counts the suspicions that hold: low "
            "corroborated -> single_origin"
        )

    def test_many_changes_are_counted(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The line names three claims and counts the rest."""
        cs = reprint_set()
        for number in range(5):
            claim = f"x{number}"
            cs.record_claim(claim, text=f"Event number {number} happened")
            cs.record_statement(
                f"{claim}-a", claim=claim, source="wire", document="story"
            )
            cs.record_statement(
                f"{claim}-b", claim=claim, source="daily", document="reprint"
            )
        path = tmp_path / "claims.json"
        cs.save(path)

        assert main(["report", str(path)]) == 0

        assert capsys.readouterr().out.splitlines()[-1] == (
            "6 claims would change status if the suspicions held: low "
            "corroborated -> single_origin, x0 corroborated -> "
            "single_origin, x1 corroborated -> single_origin, 3 more"
        )

    def test_json(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The JSON report gives each claim's suspicions and groups."""
        assert main(["report", str(reprint_file), "--format", "json"]) == 0

        low, ration = json.loads(capsys.readouterr().out)["claims"]
        (reused,) = reprint_set().suspicions()
        expected = json.loads(json.dumps(reused.to_json()))
        assert low["suspicions"] == [expected]
        assert low["groups_if_suspicions_hold"] == [1, 0]
        assert ration["suspicions"] == [expected]
        assert ration["groups_if_suspicions_hold"] == [2, 0]
        assert list(low)[-3:] == [
            "reason",
            "suspicions",
            "groups_if_suspicions_hold",
        ]

    def test_json_without_suspicions(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without suspicions: an empty list and null."""
        assert main(["report", "--example", "--format", "json"]) == 0

        for claim in json.loads(capsys.readouterr().out)["claims"]:
            assert claim["suspicions"] == []
            assert claim["groups_if_suspicions_hold"] is None


class TestSuspect:
    def test_text(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One block per suspicion that holds, then a count."""
        (reused,) = reprint_set().suspicions()

        assert main(["suspect", str(reprint_file)]) == 0

        out, err = capsys.readouterr()
        assert out == (
            f"reused_text: score {reused.score:.2f}, threshold "
            f"{reused.threshold:.2f}: holds\n"
            "  records: story, reprint (earlier first)\n"
            f"  evidence: {reused.evidence}\n"
            "\n"
            "1 suspicion: 1 holds\n"
        )
        assert err == ""

    def test_min_score(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--min-score lists weaker suspicions too, strongest first."""
        assert main(["suspect", str(reprint_file), "--min-score", "0"]) == 0

        out = capsys.readouterr().out
        heads = [line for line in out.splitlines() if "score" in line]
        assert [line.split(":")[0] for line in heads] == [
            "reused_text",
            "copying_source",
        ]
        assert heads[1].endswith(": does not hold")
        assert "  records: wire, daily (earlier first)\n" in out
        assert out.endswith("\n2 suspicions: 1 holds, 1 below threshold\n")

    @pytest.mark.parametrize(
        "kinds",
        [
            ["copying_source"],
            ["copying_source", "same_claim"],
            ["same_claim,copying_source"],
        ],
    )
    def test_kinds(
        self,
        kinds: list[str],
        reprint_file: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--kinds keeps only those kinds (spaces or commas between)."""
        argv = ["suspect", str(reprint_file), "--min-score", "0.1"]

        assert main([*argv, "--kinds", *kinds]) == 0

        out = capsys.readouterr().out
        assert out.startswith("copying_source: score ")
        assert "reused_text" not in out

    def test_none_hold(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """When none holds, stderr says how to see the weaker ones."""
        argv = ["suspect", str(reprint_file), "--kinds", "copying_source"]

        assert main(argv) == 0

        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            "claimtrack: no suspicions at or above their threshold; "
            "--min-score 0 lists 1 weaker one\n"
        )

    def test_json(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json: a list of to_json() objects, as report writes."""
        found = reprint_set().suspicions(min_score=0)
        argv = ["suspect", str(reprint_file), "--format", "json"]

        assert main([*argv, "--min-score", "0"]) == 0

        out, err = capsys.readouterr()
        data = [s.to_json() for s in found]
        assert out == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        assert [s["kind"] for s in json.loads(out)] == [
            "reused_text",
            "copying_source",
        ]
        assert "…" in out  # not escaped, as in report
        assert err == ""

    @pytest.mark.parametrize(
        ("form", "written"),
        [("text", "1 suspicion"), ("json", "1 suspicion as JSON")],
    )
    def test_to_a_file(
        self,
        form: str,
        written: str,
        reprint_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """With -o, the output goes to FILE, confirmed on stderr."""
        output = tmp_path / "out"
        argv = ["suspect", str(reprint_file), "--format", form]

        assert main([*argv, "-o", str(output)]) == 0

        text = output.read_text(encoding="utf-8")
        assert "reused_text" in text
        assert capsys.readouterr() == (
            "",
            f"claimtrack: wrote {written} to {output}\n",
        )

    def test_stdin(
        self,
        reprint_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """FILE '-' reads standard input."""
        monkeypatch.setattr(
            "sys.stdin",
            io.TextIOWrapper(io.BytesIO(reprint_file.read_bytes())),
        )

        assert main(["suspect", "-", "--format", "json"]) == 0

        assert len(json.loads(capsys.readouterr().out)) == 1

    def test_small_sets_are_silent(
        self,
        reprint_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A few documents need no progress note, even on a terminal."""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)

        assert main(["suspect", str(reprint_file)]) == 0

        assert capsys.readouterr().err == ""

    def test_example_has_none(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The bundled example has no texts: nothing, said on stderr."""
        assert main(["suspect", "--example"]) == 0
        assert capsys.readouterr() == ("", "claimtrack: no suspicions\n")

        assert main(["suspect", "--example", "--format", "json"]) == 0
        assert capsys.readouterr() == ("[]\n", "")

    def test_none_to_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With -o, an empty result still writes FILE, and says so."""
        output = tmp_path / "out.txt"
        output.write_text("stale", encoding="utf-8")

        assert main(["suspect", "--example", "-o", str(output)]) == 0

        assert output.read_text(encoding="utf-8") == ""
        assert capsys.readouterr() == (
            "",
            f"claimtrack: wrote no suspicions to {output}\n",
        )

    def test_unknown_kind(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown kind is bad usage: exit 2, one error line."""
        argv = ["suspect", str(reprint_file), "--kinds", "reused", "x,y"]

        assert main(argv) == 2

        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith("usage: claimtrack suspect")
        assert captured.err.endswith(
            "\nclaimtrack suspect: error: unknown kind 'reused' for --kinds: "
            "expected reused_text, shared_quote, wire_credit, "
            "copying_source, same_claim\n"
        )

    def test_file_after_kinds(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """FILE after --kinds is taken as a kind: the error says so."""
        argv = ["suspect", "--kinds", "reused_text", str(reprint_file)]

        assert main(argv) == 2

        assert capsys.readouterr().err.endswith(
            f"; give FILE before --kinds, as in 'claimtrack suspect "
            f"{reprint_file} --kinds reused_text'\n"
        )

    @pytest.mark.parametrize("score", ["2", "-0.1", "nan", "inf", "high"])
    def test_bad_min_score(
        self,
        score: str,
        reprint_file: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--min-score takes a number from 0 to 1: else exit 2."""
        argv = ["suspect", str(reprint_file), "--min-score", score]

        assert main(argv) == 2

        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith("usage: claimtrack suspect")
        assert captured.err.endswith(
            f"\nclaimtrack suspect: error: invalid --min-score {score!r}: "
            "expected a number from 0 to 1, as in --min-score 0.5\n"
        )

    def test_file_or_example(
        self, reprint_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """FILE and --example as in the other commands."""
        assert main(["suspect", str(reprint_file), "--example"]) == 2
        assert capsys.readouterr().err.endswith(
            "claimtrack suspect: error: give FILE or --example, not both\n"
        )

        assert main(["suspect"]) == 2
        assert capsys.readouterr().err.endswith(
            "claimtrack suspect: error: give a claimtrack JSON FILE, or "
            "--example\n"
        )

    def test_missing_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that cannot be read is bad data: exit 1, one line."""
        missing = tmp_path / "nothing.json"

        assert main(["suspect", str(missing)]) == 1

        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            f"claimtrack: error: cannot read {missing}: No such file or "
            "directory\n"
        )


@pytest.fixture(name="claims_file")
def _claims_file(tmp_path: Path) -> Path:
    """The bundled example, saved as a claimtrack JSON file."""
    path = tmp_path / "claims.json"
    ct.example().save(path)
    return path


class TestFiles:
    def test_report_a_file(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The report command reads a claimtrack JSON FILE."""
        assert main(["report", str(claims_file)]) == 0

        out = capsys.readouterr().out
        assert "13 claims: 0 corroborated, 13 single origin" in out
        assert "Bundled example" not in out

    def test_report_stdin(
        self,
        claims_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """FILE '-' reads standard input."""
        monkeypatch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO(claims_file.read_bytes()))
        )

        assert main(["report", "-", "--format", "json"]) == 0

        assert len(json.loads(capsys.readouterr().out)["claims"]) == 13

    def test_explain_a_file(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The explain command explains one claim of a FILE."""
        assert (
            main(["explain", str(claims_file), "c7", "--as-of", "2025-06-04"])
            == 0
        )

        out = capsys.readouterr().out
        assert out.startswith("Claim 'c7': single origin (as of 2025-06-04)")

    def test_validate_a_good_file(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The validate command prints a one-line summary and exits 0."""
        assert main(["validate", str(claims_file)]) == 0

        assert capsys.readouterr().out == (
            f"{claims_file}: valid claimtrack JSON (format version 2): "
            "10 sources, 4 documents, 13 claims, 26 statements, 8 links\n"
        )

    def test_validate_a_bad_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The validate command prints every problem with its path, exit 1."""
        document = json.loads(ct.example().to_json())
        document["statements"][3]["source"] = "fama-gs2"
        document["claims"][0]["extra"] = True
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")

        assert main(["validate", str(path)]) == 1

        captured = capsys.readouterr()
        assert captured.out == ""
        assert (
            captured.err
            == f"claimtrack: error: {path}: $.claims[0].extra: unknown key\n"
        )

    def test_validate_reports_every_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Several problems give several lines, one each."""
        document = json.loads(ct.example().to_json())
        document["claims"][0]["extra"] = True
        document["claims"][1]["text"] = 5
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")

        assert main(["validate", str(path)]) == 1

        lines = capsys.readouterr().err.splitlines()
        assert lines == [
            f"claimtrack: error: {path}: $.claims[0].extra: unknown key",
            (
                f"claimtrack: error: {path}: $.claims[1].text: expected a "
                "string, got a number"
            ),
        ]

    def test_missing_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that cannot be read is bad data, exit 1, one line."""
        missing = tmp_path / "nothing.json"

        assert main(["report", str(missing)]) == 1

        assert capsys.readouterr().err == (
            f"claimtrack: error: cannot read {missing}: No such file or directory\n"
        )

    def test_example_to_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The example command writes the bundled example to FILE."""
        path = tmp_path / "claims.json"

        assert main(["example", "-o", str(path)]) == 0

        assert ct.ClaimSet.load(path) == ct.example()
        assert "wrote the bundled example" in capsys.readouterr().err

    def test_example_to_stdout(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without -o, example writes to standard output."""
        assert main(["example"]) == 0

        assert capsys.readouterr().out == ct.example().to_json()

    def test_file_and_example_is_bad_usage(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Giving both FILE and --example is bad usage: exit 2."""
        assert main(["report", str(claims_file), "--example"]) == 2

        err = capsys.readouterr().err
        assert err.startswith("usage: claimtrack report")
        assert err.endswith(
            "claimtrack report: error: give FILE or --example, not both\n"
        )

    def test_neither_file_nor_example_is_bad_usage(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Giving neither is bad usage too."""
        assert main(["report"]) == 2

        assert (
            "give a claimtrack JSON FILE, or --example"
            in capsys.readouterr().err
        )


class TestProgress:
    @pytest.fixture(name="big_file")
    def _big_file(self, tmp_path: Path) -> Path:
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        for i in range(2500):
            cs.record_claim(f"c{i}", text=f"Claim {i}")
            cs.record_statement(f"s{i}", claim=f"c{i}", source="a")
        path = tmp_path / "big.json"
        cs.save(path)
        return path

    def test_progress_on_a_terminal(
        self,
        big_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Reporting thousands of claims shows a counter on a terminal."""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)

        assert main(["report", str(big_file), "--format", "json"]) == 0

        err = capsys.readouterr().err
        assert "\rreporting: 2,500/2,500 claims" in err
        assert err.endswith("\r\033[K")

    def test_silent_elsewhere(
        self, big_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """When stderr is not a terminal, nothing is shown."""
        assert main(["report", str(big_file), "--format", "json"]) == 0

        assert capsys.readouterr().err == ""

    def test_small_sets_are_silent(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A few claims need no progress, even on a terminal."""
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)

        assert main(["report", "--example"]) == 0

        assert capsys.readouterr().err == ""


class TestExplain:
    def test_explain(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The explain command prints the whole explanation of one claim."""
        assert main(["explain", "--example", "c3"]) == 0

        out = capsys.readouterr().out
        assert out.startswith("Claim 'c3': single origin")
        assert "c3-outlet" in out

    def test_explain_at_a_date(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--as-of applies to the explanation too."""
        assert (
            main(["explain", "--example", "c11", "--as-of", "2025-06-04"]) == 0
        )

        assert "unsupported (as of 2025-06-04)" in capsys.readouterr().out

    def test_unknown_claim(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown claim is bad data: exit 1, no traceback."""
        assert main(["explain", "--example", "c99"]) == 1

        captured = capsys.readouterr()
        assert captured.err == "claimtrack: error: unknown claim 'c99'\n"
        assert "Traceback" not in captured.err

    @pytest.mark.parametrize(
        ("command", "verb"), [("explain", "explain"), ("graph", "draw")]
    )
    def test_file_without_claim(
        self,
        command: str,
        verb: str,
        claims_file: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """FILE alone says the claim is missing, and how to give it."""
        assert main([command, str(claims_file)]) == 2

        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"usage: claimtrack {command}")
        assert captured.err.endswith(
            f"claimtrack {command}: error: missing CLAIM: give the id of "
            f"the claim to {verb} after FILE, as in 'claimtrack {command} "
            f"{claims_file} CLAIM' ('claimtrack report {claims_file}' "
            "lists the claim ids)\n"
        )
        assert "or --example" not in captured.err

    @pytest.mark.parametrize("file", ["-", "missing.json"])
    def test_stdin_or_json_name_without_claim(
        self, file: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """'-' or a .json name is a FILE too, even before it is read."""
        assert main(["explain", file]) == 2

        assert "missing CLAIM" in capsys.readouterr().err

    def test_claim_without_file(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A claim alone still asks for FILE or --example."""
        assert main(["explain", "c3"]) == 2

        assert capsys.readouterr().err.endswith(
            "claimtrack explain: error: give a claimtrack JSON FILE before "
            "CLAIM c3, or --example\n"
        )


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
        assert (
            capsys.readouterr().out.strip() == f"claimtrack {ct.__version__}"
        )

    def test_help_has_an_example(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each command's help shows an example."""
        for command in (
            "report",
            "suspect",
            "explain",
            "validate",
            "example",
            "export-prov",
            "graph",
        ):
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


class TestExportAndDraw:
    def test_export_prov(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The export-prov command writes PROV-JSON to standard output."""
        assert main(["export-prov", str(claims_file)]) == 0

        document = json.loads(capsys.readouterr().out)
        assert len(document["agent"]) == 10
        assert "ctr:attribution/c7-outlet" in document["wasAttributedTo"]

    def test_export_prov_to_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With -o, export-prov writes a file and says so on stderr."""
        output = tmp_path / "sahel.prov.json"

        assert main(["export-prov", "--example", "-o", str(output)]) == 0

        assert "wasDerivedFrom" in json.loads(
            output.read_text(encoding="utf-8")
        )
        assert capsys.readouterr() == (
            "",
            f"claimtrack: wrote the claim set as W3C PROV-JSON to {output}\n",
        )

    def test_to_stdout_confirms_nothing(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without -o, only the document is written: stderr stays empty."""
        assert main(["export-prov", "--example"]) == 0
        assert capsys.readouterr().err == ""

        assert main(["graph", "--example", "c3"]) == 0
        assert capsys.readouterr().err == ""

    def test_graph_dot_to_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With -o, graph confirms what it wrote, as example -o does."""
        output = tmp_path / "c3.dot"

        assert main(["graph", "--example", "c3", "-o", str(output)]) == 0

        assert output.read_text(encoding="utf-8").startswith("digraph")
        assert capsys.readouterr() == (
            "",
            f"claimtrack: wrote the DOT diagram of claim 'c3' to {output}\n",
        )

    def test_graph_dot(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The graph command prints the DOT diagram of one claim."""
        assert main(["graph", "--example", "c3"]) == 0

        out = capsys.readouterr().out
        assert out.startswith('digraph "attribution of c3" {')
        assert (
            '"statement:c3-outlet" -> "statement:c3-fama" [label="relays"];'
            in out
        )

    def test_graph_mermaid_to_a_file(
        self,
        claims_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """With --format mermaid -o FILE, graph writes a Mermaid chart."""
        output = tmp_path / "c7.mmd"

        assert (
            main(
                [
                    "graph",
                    str(claims_file),
                    "c7",
                    "--format",
                    "mermaid",
                    "-o",
                    str(output),
                ]
            )
            == 0
        )

        assert output.read_text(encoding="utf-8").startswith("flowchart RL\n")
        assert capsys.readouterr().err == (
            "claimtrack: wrote the Mermaid diagram of claim 'c7' to "
            f"{output}\n"
        )

    def test_graph_unknown_claim(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown claim is bad data: one line, exit 1."""
        assert main(["graph", "--example", "nope"]) == 1

        assert (
            capsys.readouterr().err
            == "claimtrack: error: unknown claim 'nope'\n"
        )


FIXTURES = Path(__file__).parent / "fixtures" / "claimreview"


NO_URL = (
    "review 'r1': no url (Google requires the address of the page that "
    "publishes the fact-check: give the review a url)"
)
NO_LABEL = (
    "review 'r1': no reviewRating.alternateName (Google requires the rating "
    "as readers see it, such as 'False': give the rating a label)"
)


def incomplete_set() -> ct.ClaimSet:
    """A review Google would refuse (no url, no label), and a complete one."""
    cs = ct.ClaimSet()
    cs.record_source("checker", name="Example Check")
    cs.record_claim("c", text="Crime fell")
    cs.record_review(
        "r1",
        claim="c",
        reviewer="checker",
        date=None,
        rating=ct.Rating(value=2),
    )
    cs.record_review(
        "r2",
        claim="c",
        reviewer="checker",
        date=None,
        rating="False",
        url="https://check.example/r2",
    )
    return cs


class TestClaimReview:
    def test_import_then_export(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Real ClaimReview files import into a claim set and export again."""
        files = sorted(str(p) for p in FIXTURES.glob("jsonld_*.json"))[:3]
        claims = tmp_path / "claims.json"

        assert main(["import-claimreview", *files, "-o", str(claims)]) == 0
        assert "imported 3 reviews from 3 file(s)" in capsys.readouterr().err
        assert len(ct.ClaimSet.load(claims).reviews) == 3

        assert main(["export-claimreview", str(claims)]) == 0
        captured = capsys.readouterr()
        exported = json.loads(captured.out)
        assert [item["@type"] for item in exported] == ["ClaimReview"] * 3
        long = [e for e in exported if len(e["claimReviewed"]) > 75]
        warned = captured.err.splitlines()
        assert len(warned) == len(long) > 0
        assert all(
            line.startswith("claimtrack: warning: review 'review-")
            and "Google advises at most 75" in line
            for line in warned
        )

    def test_incomplete_reviews_stop_the_export(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A review without url or label is refused, named, nothing written."""
        claims = tmp_path / "claims.json"
        incomplete_set().save(claims)
        output = tmp_path / "reviews.json"

        code = main(["export-claimreview", str(claims), "-o", str(output)])

        assert code == 1
        assert not output.exists()
        hint = (
            "nothing written: Google refuses ClaimReview without these; "
            "--allow-incomplete writes them anyway"
        )
        assert capsys.readouterr().err.splitlines() == [
            f"claimtrack: error: {NO_URL}",
            f"claimtrack: error: {NO_LABEL}",
            f"claimtrack: error: {hint}",
        ]

    def test_allow_incomplete(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--allow-incomplete writes every review and lists what they lack."""
        claims = tmp_path / "claims.json"
        incomplete_set().save(claims)

        code = main(["export-claimreview", str(claims), "--allow-incomplete"])

        assert code == 0
        captured = capsys.readouterr()
        exported = json.loads(captured.out)
        assert [e["claimReviewed"] for e in exported] == ["Crime fell"] * 2
        assert "url" not in exported[0]
        assert captured.err.splitlines() == [
            f"claimtrack: incomplete: {NO_URL}",
            f"claimtrack: incomplete: {NO_LABEL}",
        ]

    def test_complete_reviews_export_quietly(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Complete reviews with short claims export, nothing on stderr."""
        fixture = str(FIXTURES / "jsonld_afp_factual_es_2021.json")
        claims = tmp_path / "claims.json"
        output = tmp_path / "reviews.json"
        assert main(["import-claimreview", fixture, "-o", str(claims)]) == 0
        capsys.readouterr()

        code = main(["export-claimreview", str(claims), "-o", str(output)])

        assert code == 0
        assert capsys.readouterr() == ("", "")
        (exported,) = json.loads(output.read_text(encoding="utf-8"))
        assert exported["reviewRating"]["name"] == "Engañoso"

    def test_import_adds_to_an_existing_set(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With -o naming an existing claim set, imports are added to it."""
        fixture = str(FIXTURES / "jsonld_afp_en.json")

        assert (
            main(["import-claimreview", fixture, "-o", str(claims_file)]) == 0
        )

        merged = ct.ClaimSet.load(claims_file)
        assert "c3" in merged
        assert len(merged.reviews) == 1

    def test_skipped_records_are_reported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A record without a rating is skipped with a reason, or fails with --strict."""
        page = tmp_path / "page.json"
        page.write_text(
            json.dumps({"@type": "ClaimReview", "claimReviewed": "Something"}),
            encoding="utf-8",
        )

        assert main(["import-claimreview", str(page)]) == 0
        assert f"claimtrack: skipped {page}:" in capsys.readouterr().err

        assert main(["import-claimreview", "--strict", str(page)]) == 1
        assert capsys.readouterr().err.startswith(
            f"claimtrack: error: {page}:"
        )

    def test_not_json(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that is not JSON is bad data."""
        page = tmp_path / "page.html"
        page.write_text("<html>", encoding="utf-8")

        assert main(["import-claimreview", str(page)]) == 1

        assert capsys.readouterr().err.startswith(
            f"claimtrack: error: {page}: not JSON:"
        )


def run_shell(line: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``claimtrack`` (as ``$CT``) in a shell *line*, captured."""
    command = f"{shlex.quote(sys.executable)} -m claimtrack"
    return subprocess.run(
        ["/bin/sh", "-c", line.replace("$CT", command)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
class TestHostileEnvironment:
    @pytest.mark.parametrize(
        ("line", "message"),
        [
            (
                "$CT report --example >&-",
                "cannot write standard output: it is closed",
            ),
            (
                "$CT validate - <&-",
                "cannot read standard input: it is closed",
            ),
            (
                "$CT report --example > /dev/full",
                "cannot write standard output: No space left on device",
            ),
            (
                "$CT example > /dev/full",
                "cannot write standard output: No space left on device",
            ),
            (
                "$CT --max-input 64K validate /dev/zero",
                "/dev/zero is larger than the input limit of 65,536 bytes",
            ),
        ],
    )
    def test_one_line_exit_1(self, line: str, message: str) -> None:
        """Closed streams, a full disk, endless input: one line, exit 1."""
        done = run_shell(line)

        assert done.returncode == 1
        assert done.stderr.startswith(f"claimtrack: error: {message}")
        assert len(done.stderr.splitlines()) == 1

    def test_closed_stderr(self) -> None:
        """With standard error closed, errors still give their exit code."""
        done = run_shell("$CT validate /nonexistent 2>&-")

        assert done.returncode == 1
        assert done.stdout == ""

    def test_interrupt(self) -> None:
        """Ctrl-C: one line, exit 130, no traceback."""
        worker = subprocess.Popen(
            [sys.executable, "-m", "claimtrack", "validate", "-"],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert worker.stdin is not None
        worker.stdin.write("{")
        worker.stdin.flush()
        # Wait until claimtrack is reading, not still importing.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            stack = Path(f"/proc/{worker.pid}/wchan")
            if stack.exists() and "pipe" in stack.read_text():
                break
            time.sleep(0.1)
        else:
            time.sleep(3)
        worker.send_signal(signal.SIGINT)
        _, err = worker.communicate(timeout=60)

        assert worker.returncode == 130
        assert err == "claimtrack: interrupted\n"


class TestInputLimit:
    def test_option(
        self, claims_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file over --max-input is refused before it is read."""
        assert main(["--max-input", "1000", "validate", str(claims_file)]) == 1

        err = capsys.readouterr().err
        assert "larger than the input limit of 1,000 bytes" in err
        assert "--max-input" in err

    def test_environment(
        self,
        claims_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """CLAIMTRACK_MAX_INPUT sets the limit; --max-input overrides it."""
        monkeypatch.setenv("CLAIMTRACK_MAX_INPUT", "1K")
        assert main(["report", str(claims_file)]) == 1
        assert "1,024 bytes" in capsys.readouterr().err

        assert main(["--max-input", "1M", "report", str(claims_file)]) == 0

    def test_standard_input(
        self,
        claims_file: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Standard input is read only up to the limit."""
        monkeypatch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO(claims_file.read_bytes()))
        )

        assert main(["--max-input", "100", "validate", "-"]) == 1
        assert "standard input is larger" in capsys.readouterr().err

    @pytest.mark.parametrize("size", ["lots", "-5", "1T", ""])
    def test_bad_sizes(
        self,
        size: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A size that cannot be read is a usage error, from either place."""
        assert main(["--max-input", size, "report", "--example"]) == 2
        monkeypatch.setenv("CLAIMTRACK_MAX_INPUT", size)
        assert main(["report", "--example"]) == 2
        assert "CLAIMTRACK_MAX_INPUT" in capsys.readouterr().err

    def test_folder_as_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder given as FILE is one error line, exit 1."""
        assert main(["validate", str(tmp_path)]) == 1

        assert capsys.readouterr().err == (
            f"claimtrack: error: cannot read {tmp_path}: Is a directory\n"
        )


WRITING_COMMANDS = [
    ["report", "--example", "-o"],
    ["report", "--example", "--format", "html", "-o"],
    ["graph", "--example", "c3", "-o"],
    ["graph", "--example", "c3", "--format", "mermaid", "-o"],
    ["suspect", "--example", "--format", "json", "-o"],
    ["export-prov", "--example", "-o"],
    ["export-claimreview", "--example", "--allow-incomplete", "-o"],
    ["example", "-o"],
    ["template", "-o"],
]


class TestOutputs:
    @pytest.mark.parametrize("command", WRITING_COMMANDS, ids=" ".join)
    def test_dev_stdout(
        self, command: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o /dev/stdout writes what '-' writes, for every command."""
        assert main([*command, "-"]) == 0
        expected = capsys.readouterr().out

        assert main([*command, "/dev/stdout"]) == 0
        assert capsys.readouterr().out == expected
        assert expected

    def test_import_to_dev_stdout(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """import-claimreview -o /dev/stdout writes, never reads, stdout."""
        fixture = str(FIXTURES / "jsonld_afp_en.json")

        assert main(["import-claimreview", fixture, "-o", "/dev/stdout"]) == 0
        assert ct.ClaimSet.from_json(capsys.readouterr().out).reviews

    @pytest.mark.parametrize("command", WRITING_COMMANDS, ids=" ".join)
    def test_folder_as_output(
        self,
        command: list[str],
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """-o naming a folder is one error line, exit 1."""
        assert main([*command, str(tmp_path)]) == 1

        err = capsys.readouterr().err
        assert err.startswith("claimtrack: error: cannot write")
        assert "folder" in err
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize("command", WRITING_COMMANDS, ids=" ".join)
    def test_full_disk_keeps_the_old_file(
        self,
        command: list[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Every -o writes atomically: a full disk keeps what was there."""
        output = tmp_path / "out"
        output.write_text("good", encoding="utf-8")

        def full(descriptor: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        assert main([*command, str(output)]) == 1
        monkeypatch.undo()

        assert output.read_text(encoding="utf-8") == "good"
        assert [p.name for p in tmp_path.iterdir()] == ["out"]
        assert "No space left on device" in capsys.readouterr().err
