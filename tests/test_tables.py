# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.tables`: CSV folders, the one-sheet form, pandas."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hypothesis import given

import claimtrack as ct

from claimtrack import tables

from .strategies import (
    claim_sets,
    claim_sets_with_policy,
    claim_sets_with_texts,
)


def round_trip(cs: ct.ClaimSet) -> ct.ClaimSet:
    """The set written to a fresh folder and read back."""
    with tempfile.TemporaryDirectory() as folder:
        tables.to_csv(cs, folder)
        return tables.from_csv(folder)


def problems(path: Path) -> list[tuple[Any, ...]]:
    """The (file, row, column) of every problem reading *path*."""
    with pytest.raises(ct.TableError) as caught:
        tables.from_csv(path)
    return [(p.file, p.row, p.column) for p in caught.value.problems]


def read_rows(path: Path) -> list[list[str]]:
    """A CSV file's rows."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """Write *rows* as CSV."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\r\n").writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Change one cell, by spreadsheet row number and header."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


@pytest.fixture(name="folder")
def _folder(tmp_path: Path, convoy: ct.ClaimSet) -> Path:
    """The convoy example, with a review, written as a CSV folder."""
    convoy.record_source("checker", name="A fact-checker")
    convoy.record_review(
        "rv1",
        claim="convoy",
        reviewer="checker",
        rating=ct.Rating(label="Unproven", value=2, best=5, worst=1),
        evidence=[("s1", "supports")],
        date="2025-06-10",
    )
    tables.to_csv(convoy, tmp_path / "tables")
    return tmp_path / "tables"


class TestRoundTrip:
    @given(cs=claim_sets())
    def test_claim_sets(self, cs: ct.ClaimSet) -> None:
        """Any valid set comes back with byte-identical JSON."""
        assert round_trip(cs).to_json() == cs.to_json()

    @given(cs=claim_sets_with_texts())
    def test_claim_sets_with_texts(self, cs: ct.ClaimSet) -> None:
        """Document texts (any characters, line breaks) survive exactly."""
        assert round_trip(cs).to_json() == cs.to_json()

    @given(cs=claim_sets_with_policy())
    def test_policies(self, cs: ct.ClaimSet) -> None:
        """A set's own policy is kept, in the descriptor."""
        again = round_trip(cs)

        assert again.policy == cs.policy
        assert again.to_json() == cs.to_json()

    @pytest.mark.parametrize("name", [None, "uranium"])
    def test_bundled_examples(self, name: str | None) -> None:
        """Both bundled cases come back exactly."""
        cs = ct.example() if name is None else ct.example(name)

        assert round_trip(cs).to_json() == cs.to_json()

    def test_empty_set(self) -> None:
        """An empty set is six header rows and a descriptor."""
        assert round_trip(ct.ClaimSet()).to_json() == ct.ClaimSet().to_json()

    def test_the_same_set_gives_the_same_bytes(self, tmp_path: Path) -> None:
        """Writing is deterministic, file by file."""
        tables.to_csv(ct.example(), tmp_path / "a")
        tables.to_csv(ct.example(), tmp_path / "b")

        for path in (tmp_path / "a").iterdir():
            assert (
                path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
            )

    def test_files(self, folder: Path) -> None:
        """One UTF-8 CSV per kind, CRLF line ends, no BOM, a header row."""
        names = sorted(path.name for path in folder.iterdir())

        assert names == [
            "claims.csv",
            "datapackage.json",
            "documents.csv",
            "links.csv",
            "reviews.csv",
            "sources.csv",
            "statements.csv",
        ]
        statements = (folder / "statements.csv").read_bytes()
        assert statements.startswith(b"id,claim,source,stance,date,")
        assert statements.count(b"\r\n") == 3

    def test_cells(self, folder: Path) -> None:
        """Lists and numbers are JSON; a rating is spread over columns."""
        reviews = dict(zip(*read_rows(folder / "reviews.csv"), strict=True))
        statements = read_rows(folder / "statements.csv")

        assert reviews["rating.label"] == "Unproven"
        assert reviews["rating.value"] == "2"
        assert reviews["rating.verdict"] == "other"
        assert json.loads(reviews["evidence"]) == [
            {"record": "s1", "role": "supports"}
        ]
        assert statements[2][statements[0].index("derives_from")] == '["s1"]'

    def test_other_files_are_left_alone(self, folder: Path) -> None:
        """Writing into a folder replaces only claimtrack's own files."""
        (folder / "notes.txt").write_text("mine", encoding="utf-8")

        tables.to_csv(ct.ClaimSet(), folder)

        assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
        assert len(tables.from_csv(folder)) == 0

    def test_descriptor_path_reads_the_folder(self, folder: Path) -> None:
        """The path of datapackage.json names its folder."""
        cs = tables.from_csv(folder / "datapackage.json")

        assert cs.corroboration("convoy").naive_source_count == 2


# A check of the Frictionless rules that matter here, written from the
# Data Package, Tabular Data Package and Table Schema specifications.
_NAME = {"type": "string", "pattern": "^[-a-z0-9._/]+$"}
_NAMES = {"type": "array", "items": {"type": "string"}, "minItems": 1}
TABULAR_DATA_PACKAGE = {
    "type": "object",
    "required": ["profile", "resources"],
    "properties": {
        "profile": {"const": "tabular-data-package"},
        "name": _NAME,
        "resources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "path", "profile", "schema"],
                "properties": {
                    "name": _NAME,
                    "path": {"type": "string"},
                    "profile": {"const": "tabular-data-resource"},
                    "encoding": {"type": "string"},
                    "dialect": {
                        "type": "object",
                        "properties": {
                            "delimiter": {"type": "string", "minLength": 1},
                            "lineTerminator": {"type": "string"},
                            "quoteChar": {"type": "string", "minLength": 1},
                            "doubleQuote": {"type": "boolean"},
                            "header": {"type": "boolean"},
                        },
                    },
                    "schema": {
                        "type": "object",
                        "required": ["fields"],
                        "properties": {
                            "fields": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "object",
                                    "required": ["name", "type"],
                                    "properties": {
                                        "name": {"type": "string"},
                                        "type": {
                                            "enum": [
                                                "string",
                                                "number",
                                                "integer",
                                                "boolean",
                                                "object",
                                                "array",
                                                "date",
                                                "time",
                                                "datetime",
                                                "year",
                                                "yearmonth",
                                                "duration",
                                                "geopoint",
                                                "geojson",
                                                "any",
                                            ]
                                        },
                                        "description": {"type": "string"},
                                        "constraints": {
                                            "type": "object",
                                            "properties": {
                                                "required": {
                                                    "type": "boolean"
                                                },
                                                "unique": {"type": "boolean"},
                                                "enum": {
                                                    "type": "array",
                                                    "minItems": 1,
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                            "missingValues": {
                                "type": "array",
                                "items": {"type": "string"},
                            },
                            "primaryKey": _NAMES,
                            "foreignKeys": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["fields", "reference"],
                                    "properties": {
                                        "fields": _NAMES,
                                        "reference": {
                                            "type": "object",
                                            "required": [
                                                "resource",
                                                "fields",
                                            ],
                                            "properties": {
                                                "resource": {"type": "string"},
                                                "fields": _NAMES,
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


class TestDescriptor:
    def descriptor(self, folder: Path) -> Any:
        """The folder's datapackage.json."""
        return json.loads((folder / "datapackage.json").read_text("utf-8"))

    def test_shape(self, folder: Path) -> None:
        """The descriptor is a valid Tabular Data Package."""
        jsonschema.validate(self.descriptor(folder), TABULAR_DATA_PACKAGE)

    def test_resources_describe_the_files(self, folder: Path) -> None:
        """Each resource's fields are its file's header, in order."""
        for resource in self.descriptor(folder)["resources"]:
            header = read_rows(folder / resource["path"])[0]
            fields = [field["name"] for field in resource["schema"]["fields"]]

            assert header == fields
            assert resource["schema"]["primaryKey"] == ["id"]
            assert all(
                field["description"] for field in resource["schema"]["fields"]
            )

    def test_foreign_keys_hold(self, folder: Path) -> None:
        """Every foreign key names a resource and field, and holds."""
        resources = {
            r["name"]: r for r in self.descriptor(folder)["resources"]
        }
        for name, resource in resources.items():
            rows = read_rows(folder / resource["path"])
            for key in resource["schema"].get("foreignKeys", []):
                target = key["reference"]["resource"] or name
                (field,) = key["fields"]
                target_rows = read_rows(folder / resources[target]["path"])
                ids = {row[0] for row in target_rows[1:]}
                column = rows[0].index(field)

                assert key["reference"]["fields"] == ["id"]
                assert {row[column] for row in rows[1:]} - {""} <= ids

    def test_enumerations(self, folder: Path) -> None:
        """Stances, relations and verdicts list their values."""
        fields = {
            (r["name"], f["name"]): f
            for r in self.descriptor(folder)["resources"]
            for f in r["schema"]["fields"]
        }

        assert fields["statements", "stance"]["constraints"]["enum"] == [
            "asserts",
            "denies",
            "retracts",
        ]
        assert "same_as" in fields["links", "relation"]["constraints"]["enum"]
        assert fields["reviews", "rating.value"]["type"] == "number"
        assert fields["statements", "derives_from"]["type"] == "array"
        assert fields["sources", "name"]["constraints"] == {"required": True}

    def test_policy(self, tmp_path: Path) -> None:
        """The policy is kept in the JSON format's own shape."""
        policy = ct.CorroborationPolicy(minimum=3, one_voice=["aes"])
        cs = ct.ClaimSet(policy=policy)
        tables.to_csv(cs, tmp_path)

        own = self.descriptor(tmp_path)["claimtrack"]

        assert own["format"] == "claimtrack"
        assert own["policy"] == json.loads(cs.to_json())["policy"]
        assert tables.from_csv(tmp_path).policy == policy

    def test_default_policy_is_not_written(self, folder: Path) -> None:
        """As in JSON, the default policy is left out."""
        assert "policy" not in self.descriptor(folder)["claimtrack"]


class TestReadingAFolder:
    def test_byte_order_mark(self, folder: Path) -> None:
        """A BOM is named, and the rest is still read."""
        path = folder / "claims.csv"
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

        assert problems(folder) == [("claims.csv", 1, None)]

    def test_header(self, folder: Path) -> None:
        """Repeated, unknown and missing columns are each named."""
        rows = read_rows(folder / "sources.csv")
        rows[0][rows[0].index("kind")] = "kinds"
        rows[0][rows[0].index("aliases")] = "name"
        write_rows(folder / "sources.csv", rows)

        assert problems(folder) == [
            ("sources.csv", 1, "kinds"),
            ("sources.csv", 1, "name"),
            ("sources.csv", 1, "kind"),
            ("sources.csv", 1, "aliases"),
        ]

    def test_columns_in_any_order(self, folder: Path) -> None:
        """Columns may be rearranged."""
        rows = read_rows(folder / "statements.csv")
        write_rows(folder / "statements.csv", [row[::-1] for row in rows])

        assert tables.from_csv(folder).statement("s2").derives_from == ("s1",)

    def test_cells(self, folder: Path) -> None:
        """Bad dates, lists and numbers are named by file, row, column."""
        set_cell(folder / "statements.csv", 2, "date", "4 June")
        set_cell(folder / "statements.csv", 3, "derives_from", "s1")
        set_cell(folder / "reviews.csv", 2, "rating.value", "two")
        set_cell(folder / "documents.csv", 2, "cites", '{"a": 1}')

        found = problems(folder)

        assert found == [
            ("documents.csv", 2, "cites"),
            ("statements.csv", 2, "date"),
            ("statements.csv", 3, "derives_from"),
            ("reviews.csv", 2, "rating.value"),
        ]

    def test_messages(self, folder: Path) -> None:
        """The error says what is wrong, where."""
        set_cell(folder / "statements.csv", 3, "derives_from", "s1")
        set_cell(folder / "statements.csv", 2, "stance", "says")

        with pytest.raises(ct.TableError) as caught:
            tables.from_csv(folder)

        text = str(caught.value)
        assert (
            "statements.csv, row 3, column derives_from: expected a " in text
        )
        assert "JSON list" in text
        assert "statements.csv, row 2, column stance: " in text
        assert "'says' is not one of" in text

    def test_list_items(self, folder: Path) -> None:
        """A bad item inside a list cell is named inside the cell."""
        set_cell(
            folder / "reviews.csv",
            2,
            "evidence",
            '[{"record": "s1", "role": "proves"}]',
        )

        with pytest.raises(ct.TableError) as caught:
            tables.from_csv(folder)

        (problem,) = caught.value.problems
        assert (problem.file, problem.row, problem.column) == (
            "reviews.csv",
            2,
            "evidence",
        )
        assert problem.message.startswith("[0].role: 'proves'")

    def test_references(self, folder: Path) -> None:
        """The claim set's own checks are named by row and column."""
        set_cell(folder / "statements.csv", 3, "source", "nobody")
        set_cell(folder / "documents.csv", 2, "publisher", "nobody")

        assert problems(folder) == [
            ("documents.csv", 2, "publisher"),
            ("statements.csv", 3, "source"),
        ]

    def test_temporal_problems(self, folder: Path) -> None:
        """A relay dated before what it relays is named at its row."""
        set_cell(folder / "statements.csv", 3, "date", "2025-06-01")
        set_cell(folder / "documents.csv", 2, "date", "2025-06-01")

        with pytest.raises(ct.TableError) as caught:
            tables.from_csv(folder)

        assert caught.value.problems[0][:2] == ("statements.csv", 3)

    def test_duplicate_ids(self, folder: Path) -> None:
        """An id used twice names the other row."""
        set_cell(folder / "claims.csv", 2, "id", "outlet")
        set_cell(folder / "statements.csv", 2, "claim", "outlet")
        set_cell(folder / "statements.csv", 3, "claim", "outlet")

        with pytest.raises(ct.TableError) as caught:
            tables.from_csv(folder)

        (problem,) = caught.value.problems
        assert (problem.file, problem.row, problem.column) == (
            "claims.csv",
            2,
            "id",
        )
        assert problem.message == (
            "id 'outlet' is already used at sources.csv row 7"
        )

    def test_cell_count(self, folder: Path) -> None:
        """A row longer or shorter than the header is named."""
        rows = read_rows(folder / "links.csv")
        rows[1].append("extra")
        rows[2].pop()
        write_rows(folder / "links.csv", rows)

        assert problems(folder) == [
            ("links.csv", 2, None),
            ("links.csv", 3, None),
        ]

    def test_files(self, folder: Path) -> None:
        """Missing, empty, non-UTF-8 and broken files are all named."""
        (folder / "links.csv").unlink()
        (folder / "claims.csv").write_bytes(b"")
        (folder / "sources.csv").write_bytes(b"id,name\r\n\xff,x\r\n")
        (folder / "documents.csv").write_bytes(b'id\r\n"open\r\n')

        assert problems(folder) == [
            ("sources.csv", None, None),
            ("documents.csv", 2, None),
            ("claims.csv", 1, None),
            ("links.csv", None, None),
        ]

    def test_descriptor(self, folder: Path) -> None:
        """A missing descriptor is named."""
        (folder / "datapackage.json").unlink()

        assert problems(folder) == [("datapackage.json", None, None)]

    @pytest.mark.parametrize(
        ("own", "column"),
        [
            ({"format": "claimtrack", "version": 2, "x": 1}, "claimtrack.x"),
            ({"format": "other", "version": 2}, "claimtrack.format"),
            (
                {
                    "format": "claimtrack",
                    "version": 2,
                    "policy": {"minimum": 0},
                },
                "claimtrack.policy.minimum",
            ),
            ({"version": 2}, "claimtrack"),
            ([], "claimtrack"),
        ],
    )
    def test_descriptor_contents(
        self, folder: Path, own: Any, column: str
    ) -> None:
        """What the descriptor says about the set is checked."""
        path = folder / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["claimtrack"] = own
        path.write_text(json.dumps(descriptor), encoding="utf-8")

        assert problems(folder) == [("datapackage.json", None, column)]

    def test_descriptor_not_json(self, folder: Path) -> None:
        """A descriptor that is not JSON is named."""
        (folder / "datapackage.json").write_text("{", encoding="utf-8")

        assert problems(folder) == [("datapackage.json", None, None)]

    def test_every_problem_at_once(self, folder: Path) -> None:
        """Problems in several files are reported together."""
        set_cell(folder / "claims.csv", 2, "event_date", "June")
        set_cell(folder / "sources.csv", 2, "reliability", "Z")
        set_cell(folder / "links.csv", 2, "relation", "likes")

        assert len(problems(folder)) == 3

    def test_nothing_there(self, tmp_path: Path) -> None:
        """A path that names nothing is a FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            tables.from_csv(tmp_path / "nowhere")

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    def test_special_files_are_refused(self, folder: Path) -> None:
        """
        A FIFO or a folder where a file should be is a problem, at once.

        Reading a FIFO with no writer would wait forever, so the read runs
        in a thread that must finish.
        """
        (folder / "claims.csv").unlink()
        os.mkfifo(folder / "claims.csv")
        (folder / "datapackage.json").unlink()
        (folder / "datapackage.json").mkdir()
        caught: list[BaseException] = []

        def read() -> None:
            try:
                tables.from_csv(folder)
            except ct.TableError as e:
                caught.append(e)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout=60)

        assert not reader.is_alive(), "reading a FIFO blocked"
        assert [str(p) for p in caught[0].problems] == [
            "datapackage.json: a folder, not a file",
            "claims.csv: a FIFO (named pipe), not a file",
        ]

    def test_errors_are_claimtrack_errors(self, folder: Path) -> None:
        """TableError is a ClaimtrackError and a ValueError."""
        (folder / "datapackage.json").unlink()

        with pytest.raises(ct.ClaimtrackError) as caught:
            tables.from_csv(folder)

        assert isinstance(caught.value, ValueError)
        assert str(caught.value) == "datapackage.json: missing"


def sheet(tmp_path: Path, *rows: dict[str, str]) -> Path:
    """A one-sheet form with *rows*, each a dict of its filled columns."""
    path = tmp_path / "sheet.csv"
    columns = list(tables.SHEET_COLUMNS)
    write_rows(
        path,
        [columns, *([row.get(c, "") for c in columns] for row in rows)],
    )
    return path


class TestSheet:
    def test_template(self, tmp_path: Path) -> None:
        """The template is the header row alone."""
        tables.write_template(tmp_path / "t.csv")

        assert read_rows(tmp_path / "t.csv") == [list(tables.SHEET_COLUMNS)]
        assert tables.template_text().endswith("retracts\r\n")

    def test_template_example(self, tmp_path: Path) -> None:
        """The filled template reads as a communiqué and its relay."""
        tables.write_template(tmp_path / "t.csv", example=True)

        cs = tables.from_csv(tmp_path / "t.csv")

        relay = cs.statement("s2")
        assert relay.derives_from == ("s1",)
        assert relay.source == "the-outlet"
        assert relay.date == ct.PartialDate.parse("2025-06-05")
        assert cs.document(relay.document or "").publisher == "the-outlet"
        claim = "claim:a-logistics-convoy-was-destroyed-at-yenchechi"
        report = cs.corroboration(claim)
        assert report.status is ct.EvidenceStatus.SINGLE_ORIGIN
        assert report.naive_source_count == 2

    def test_names_become_ids(self) -> None:
        """Ids are folded names; claims and documents are prefixed."""
        assert tables.name_id("source", "FAMa  Général Staff") == (
            "fama-general-staff"
        )
        assert tables.name_id("claim", "A convoy, destroyed!") == (
            "claim:a-convoy-destroyed"
        )
        assert tables.name_id("document", "Communiqué") == "doc:communique"
        assert tables.name_id("source", "?!") == ""
        long = tables.name_id("claim", "word " * 30)
        assert len(long) == len("claim:") + 60
        assert long != tables.name_id("claim", "word " * 31)

    def test_names_match_loosely(self, tmp_path: Path) -> None:
        """Rows naming a source alike share it; the first spelling stays."""
        path = sheet(
            tmp_path,
            {"source": "Reuters", "claim": "It rained."},
            {"source": "REUTERS ", "claim": "it rained", "stance": "denies"},
        )

        cs = tables.from_csv(path)

        assert [s.name for s in cs.sources] == ["Reuters"]
        assert [c.text for c in cs.claims] == ["It rained."]
        assert [s.id for s in cs.statements] == ["row:2", "row:3"]

    def test_relays_by_row_number(self, tmp_path: Path) -> None:
        """A relay may name a row; several are separated by ';'."""
        path = sheet(
            tmp_path,
            {"source": "A", "claim": "x"},
            {"statement": "st-b", "source": "B", "claim": "x"},
            {"source": "C", "claim": "x", "relays": "2; st-b", "via": "cites"},
        )

        cs = tables.from_csv(path)

        relay = cs.statement("row:4")
        assert relay.derives_from == ("row:2", "st-b")
        assert relay.via is ct.Via.CITES

    def test_retraction(self, tmp_path: Path) -> None:
        """Filling retracts makes a retraction."""
        path = sheet(
            tmp_path,
            {"statement": "s1", "source": "A", "claim": "x", "date": "2025"},
            {"source": "A", "claim": "x", "retracts": "s1", "date": "2026"},
        )

        cs = tables.from_csv(path)

        assert cs.statement("row:3").stance is ct.Stance.RETRACTS
        assert cs.corroboration("claim:x").status is (
            ct.EvidenceStatus.UNSUPPORTED
        )

    def test_lenient_layout(self, tmp_path: Path) -> None:
        """Any column order and case, short rows, blank rows, a BOM."""
        path = tmp_path / "s.csv"
        path.write_bytes(
            "\ufeffClaim,Source,Document Date\r\n"
            "It rained,Met Office\r\n"
            ",,\r\n"
            "It rained,Reuters,\r\n".encode()
        )

        cs = tables.from_csv(path)

        assert [s.id for s in cs.statements] == ["row:2", "row:4"]

    def test_columns_without_header(self, tmp_path: Path) -> None:
        """Empty trailing columns are ignored; a value in one is named."""
        path = tmp_path / "s.csv"
        path.write_text(
            "source,claim,,\r\nA,x,,\r\nB,x,,oops\r\n", encoding="utf-8"
        )

        with pytest.raises(ct.TableError) as caught:
            tables.from_csv(path)

        assert str(caught.value) == (
            "s.csv, row 3: a value in column 4, which has no header"
        )

    def test_problems(self, tmp_path: Path) -> None:
        """Every problem of every row is named by row and column."""
        path = sheet(
            tmp_path,
            {"source": "A", "claim": "x", "date": "soon"},
            {"source": "", "claim": "x", "relays": "9"},
            {"source": "B", "claim": "x", "relays": "nope"},
            {"source": "C", "claim": "x", "document_date": "2025"},
            {"source": "D", "claim": "x", "document": "d", "url": "u1"},
            {"source": "E", "claim": "?", "document": "d", "url": "u2"},
            {"source": "F", "claim": "x", "stance": "maybe"},
        )

        assert problems(path) == [
            ("sheet.csv", 2, "date"),
            ("sheet.csv", 3, "source"),
            ("sheet.csv", 3, "relays"),
            ("sheet.csv", 4, "relays"),
            ("sheet.csv", 5, "document_date"),
            ("sheet.csv", 7, "claim"),
            ("sheet.csv", 7, "url"),
            ("sheet.csv", 8, "stance"),
        ]

    def test_header_problems(self, tmp_path: Path) -> None:
        """Unknown, repeated and missing required columns are named."""
        path = tmp_path / "s.csv"
        path.write_text("who,claim,claim\r\n", encoding="utf-8")

        assert problems(path) == [
            ("s.csv", 1, "who"),
            ("s.csv", 1, "claim"),
            ("s.csv", 1, "source"),
        ]

    def test_duplicate_statement(self, tmp_path: Path) -> None:
        """A statement id used twice names the first row."""
        path = sheet(
            tmp_path,
            {"statement": "s", "source": "A", "claim": "x"},
            {"statement": "s", "source": "B", "claim": "x"},
        )

        with pytest.raises(ct.TableError) as caught:
            tables.from_csv(path)

        assert str(caught.value) == (
            "sheet.csv, row 3, column statement: statement 's' is already "
            "in row 2"
        )

    def test_claim_set_checks(self, tmp_path: Path) -> None:
        """Cycles and clashing ids found by the claim set name their row."""
        path = sheet(
            tmp_path,
            {"statement": "a", "source": "A", "claim": "x", "relays": "b"},
            {"statement": "b", "source": "B", "claim": "x", "relays": "a"},
            {"statement": "c", "source": "c", "claim": "x"},
        )

        found = problems(path)

        assert ("sheet.csv", 4, "statement") in found or (
            "sheet.csv",
            4,
            "source",
        ) in found
        assert any(row in (2, 3) for _, row, _ in found)

    def test_relative_date_needs_a_document_date(self, tmp_path: Path) -> None:
        """'Wednesday' is read against the document's date, or refused."""
        path = sheet(tmp_path, {"source": "A", "claim": "x", "date": "Monday"})

        assert problems(path) == [("sheet.csv", 2, "date")]


class TestPandas:
    def test_one_frame_per_kind(self) -> None:
        """Every kind has a frame with the CSV table's columns."""
        frames = tables.to_dataframes(ct.example("uranium"))

        assert list(frames) == [
            "sources",
            "documents",
            "claims",
            "links",
            "statements",
            "reviews",
        ]
        assert len(frames["statements"]) == len(
            ct.example("uranium").statements
        )
        assert list(frames["reviews"].columns)[3] == "rating.label"

    def test_dtypes(self, convoy: ct.ClaimSet) -> None:
        """Text is string, lists are tuples, numbers are nullable."""
        convoy.record_source("checker", name="A fact-checker")
        convoy.record_review(
            "rv1",
            claim="convoy",
            reviewer="checker",
            rating="False",
            date="2025-06-10",
        )
        frames = tables.to_dataframes(convoy)

        sources = frames["sources"].set_index("id")
        assert str(frames["sources"]["name"].dtype) == "string"
        assert sources.loc["fama", "aliases"] == ("FAMa", "Malian military")
        assert sources.loc["mali", "aliases"] == ()
        reviews = frames["reviews"]
        assert str(reviews["rating.value"].dtype) == "Float64"
        assert reviews["rating.value"].isna().all()
        assert frames["statements"]["derives_from"].tolist() == [(), ("s1",)]

    def test_dates(self) -> None:
        """Full dates are Timestamps; years and months stay as text."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        for n, date in enumerate(
            ["2025", "2025-06", "2025-06-04", "2025-06-04T10:30:00+01:00"]
        ):
            cs.record_document(f"d{n}", date=date)
        cs.record_document("d4")

        dates = tables.to_dataframes(cs)["documents"]["date"].tolist()

        import pandas as pd  # noqa: PLC0415

        assert dates[:2] == ["2025", "2025-06"]
        assert dates[2] == pd.Timestamp("2025-06-04")
        assert dates[3] == pd.Timestamp(
            dt.datetime(
                2025, 6, 4, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
            )
        )
        assert dates[4] is None

    def test_empty(self) -> None:
        """An empty set gives empty frames, with their columns."""
        frames = tables.to_dataframes(ct.ClaimSet())

        assert len(frames["claims"]) == 0
        assert "event_date" in frames["claims"].columns

    def test_reports_frame(self) -> None:
        """One row per claim, matching the reports."""
        cs = ct.example()
        frame = tables.reports_frame(cs)
        reports = cs.reports()

        assert frame["claim"].tolist() == [r.claim for r in reports]
        assert frame["status"].tolist() == [r.status.value for r in reports]
        assert frame["naive_source_count"].tolist() == [
            r.naive_source_count for r in reports
        ]
        assert frame["corroborated"].sum() == 0
        row = frame.set_index("claim").loc["c3"]
        assert row["asserting_groups"] == 1
        assert row["asserting_sources"] == tuple(
            tuple(sorted(g.sources))
            for g in cs.corroboration("c3").asserting_groups
        )

    def test_reports_frame_as_of(self) -> None:
        """as_of counts only what was said by then."""
        frame = tables.reports_frame(ct.example("uranium"), as_of="1990-01-01")

        assert set(frame["status"]) == {"unsupported"}

    def test_without_pandas(
        self, monkeypatch: pytest.MonkeyPatch, convoy: ct.ClaimSet
    ) -> None:
        """Without pandas, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "pandas", None)

        with pytest.raises(ct.MissingExtraError) as caught:
            tables.to_dataframes(convoy)
        with pytest.raises(ImportError):
            tables.reports_frame(convoy)

        assert str(caught.value) == (
            "to_dataframes needs pandas: pip install 'claimtrack[pandas]'"
        )

    def test_importing_tables_needs_no_pandas(self) -> None:
        """claimtrack.tables imports without pandas installed."""
        code = (
            "import sys; sys.modules['pandas'] = None; "
            "import claimtrack.tables, claimtrack; "
            "claimtrack.tables.from_csv; print('ok')"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
        )

        assert done.stdout == "ok\n", done.stderr
