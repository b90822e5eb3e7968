# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._cli.tables`: export-csv, import-csv, template."""

from __future__ import annotations

import json

from pathlib import Path

import pytest

import claimtrack as ct

from claimtrack import _cli
from claimtrack._cli import main
from claimtrack._cli import tables as table_commands


@pytest.fixture(autouse=True)
def _commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table commands are in the parser, wired in or not yet."""
    modules = _cli._COMMAND_MODULES
    if table_commands not in modules:
        monkeypatch.setattr(
            _cli, "_COMMAND_MODULES", (*modules, table_commands)
        )


class TestExportCsv:
    def test_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON file becomes a folder of tables that reads back exactly."""
        source = tmp_path / "claims.json"
        ct.example("uranium").save(source)

        code = main(["export-csv", str(source), str(tmp_path / "out")])

        assert code == 0
        assert "wrote the tables to" in capsys.readouterr().err
        again = ct.tables.from_csv(tmp_path / "out")
        assert again.to_json() == source.read_text(encoding="utf-8")

    def test_example(self, tmp_path: Path) -> None:
        """--example exports the bundled case."""
        assert main(["export-csv", "--example", str(tmp_path)]) == 0
        assert (tmp_path / "statements.csv").is_file()

    def test_no_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without FILE or --example, usage is wrong."""
        assert main(["export-csv", str(tmp_path)]) == 2
        assert "give a claimtrack JSON FILE" in capsys.readouterr().err

    def test_unwritable(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder that cannot be made is bad data, named."""
        (tmp_path / "file").write_text("x", encoding="utf-8")

        code = main(["export-csv", "--example", str(tmp_path / "file")])

        assert code == 1
        assert "cannot write" in capsys.readouterr().err


class TestImportCsv:
    def test_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder becomes claimtrack JSON on standard output."""
        ct.tables.to_csv(ct.example(), tmp_path)

        assert main(["import-csv", str(tmp_path)]) == 0
        assert capsys.readouterr().out == ct.example().to_json()

    def test_sheet_to_file(self, tmp_path: Path) -> None:
        """A one-sheet form becomes a JSON file."""
        sheet = tmp_path / "sheet.csv"
        ct.tables.write_template(sheet, example=True)

        code = main(["import-csv", str(sheet), "-o", str(tmp_path / "a.json")])

        assert code == 0
        cs = ct.ClaimSet.load(tmp_path / "a.json")
        assert cs.statement("s2").derives_from == ("s1",)

    def test_problems(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every problem is printed with its file, row and column."""
        sheet = tmp_path / "sheet.csv"
        sheet.write_text("source,claim,date\r\nA,,soon\r\n", encoding="utf-8")

        code = main(["import-csv", str(sheet), "-o", str(tmp_path / "a.json")])

        assert code == 1
        assert capsys.readouterr().err.splitlines() == [
            (
                "claimtrack: error: sheet.csv, row 2, column claim: empty: "
                "what was claimed?"
            ),
            (
                "claimtrack: error: sheet.csv, row 2, column date: invalid "
                "date 'soon': expected ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or "
                "a datetime) or a relative day such as 'Wednesday'"
            ),
        ]
        assert not (tmp_path / "a.json").exists()

    def test_nothing_there(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A path that names nothing is named."""
        assert main(["import-csv", str(tmp_path / "none")]) == 1
        assert "cannot read" in capsys.readouterr().err


class TestTemplate:
    def test_standard_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The template goes to standard output by default."""
        assert main(["template"]) == 0
        assert capsys.readouterr().out == ct.tables.template_text()

    def test_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o writes a file, confirmed on standard error."""
        path = tmp_path / "sheet.csv"

        assert main(["template", "--example", "-o", str(path)]) == 0
        assert "wrote the one-sheet form" in capsys.readouterr().err
        assert len(ct.tables.from_csv(path).statements) == 2

    def test_round_trip_through_the_shell(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Template, import, export and import again agree."""
        sheet = tmp_path / "sheet.csv"
        main(["template", "--example", "-o", str(sheet)])
        main(["import-csv", str(sheet), "-o", str(tmp_path / "a.json")])
        main(["export-csv", str(tmp_path / "a.json"), str(tmp_path / "t")])
        capsys.readouterr()

        assert main(["import-csv", str(tmp_path / "t")]) == 0
        out = capsys.readouterr().out
        assert out == (tmp_path / "a.json").read_text(encoding="utf-8")
        assert json.loads(out)["format"] == "claimtrack"
