# SPDX-License-Identifier: MIT
"""
Tests for the feed options of the command line (issue 16, items 7 and 8).

``claimtrack export-prov --format FORMAT`` writes PROV through `dumps_prov`;
``claimtrack export-claimreview --form datafeed`` writes a schema.org
DataFeed; ``claimtrack export-claimreview --check`` lists what Google's
documentation flags in every review and writes nothing.
"""

from __future__ import annotations

import json
import warnings

from pathlib import Path

import pytest

import claimtrack as ct

from claimtrack._cli import main
from claimtrack.claimreview import import_claimreviews
from claimtrack.prov import to_prov_document


FIXTURES = Path(__file__).parent / "fixtures" / "claimreview"


@pytest.fixture(name="reviews_file")
def _reviews_file(tmp_path: Path) -> Path:
    """Two real fact-checks with what Google requires, and no advice."""
    cs = ct.ClaimSet()
    for name in ("jsonld_lupa_pt.json", "jsonld_uol_confere_pt.json"):
        data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        import_claimreviews(cs, data)
    path = tmp_path / "reviews.claimtrack.json"
    cs.save(path)
    return path


@pytest.fixture(name="incomplete_file")
def _incomplete_file(tmp_path: Path) -> Path:
    """A claimtrack file with one review Google would refuse (no url)."""
    cs = ct.ClaimSet()
    cs.record_source("checker", name="Example Check")
    cs.record_claim("c", text="Crime fell")
    cs.record_review(
        "r1", claim="c", reviewer="checker", date=None, rating="False"
    )
    path = tmp_path / "incomplete.claimtrack.json"
    cs.save(path)
    return path


def prov_read(text: str, fmt: str) -> object:
    """*text* read by the prov package as *fmt*."""
    model = pytest.importorskip("prov.model")
    with warnings.catch_warnings():
        # rdflib deprecates calls that prov's RDF reader still makes.
        warnings.simplefilter("ignore", DeprecationWarning)
        return model.ProvDocument.deserialize(content=text, format=fmt)


class TestExportProvFormats:
    @pytest.mark.parametrize("fmt", ["json", "provn", "xml", "rdf", "jsonld"])
    def test_each_format(
        self, fmt: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format writes what prov reads back as the library's document."""
        assert main(["export-prov", "--example", "--format", fmt]) == 0

        captured = capsys.readouterr()
        assert captured.err == ""
        assert prov_read(captured.out, fmt) == to_prov_document(ct.example())

    def test_json_is_the_default(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --format, export-prov writes PROV-JSON as before."""
        assert main(["export-prov", "--example"]) == 0
        default = capsys.readouterr().out

        assert main(["export-prov", "--example", "--format", "json"]) == 0
        assert capsys.readouterr().out == default
        assert json.loads(default)["agent"]

    def test_to_a_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With -o, the chosen format goes to the file."""
        output = tmp_path / "sahel.provn"

        code = main(
            [
                "export-prov",
                "--example",
                "--format",
                "provn",
                "-o",
                str(output),
            ]
        )

        assert code == 0
        assert output.read_text(encoding="utf-8").startswith("document\n")
        assert capsys.readouterr().out == ""

    def test_unknown_format_is_bad_usage(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown format is a usage error (exit 2), listing the choices."""
        with pytest.raises(SystemExit) as caught:
            main(["export-prov", "--example", "--format", "turtle"])

        assert caught.value.code == 2
        assert "provn" in capsys.readouterr().err

    def test_what_xml_cannot_hold_is_bad_data(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A control character refused by XML is named, exit 1."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="Bell \x07 ringer")
        claims = tmp_path / "bell.json"
        cs.save(claims)

        assert main(["export-prov", str(claims), "--format", "xml"]) == 1

        assert "ctr:a holds '\\x07'" in capsys.readouterr().err


class TestExportClaimReviewFeed:
    def test_datafeed(
        self, reviews_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--form datafeed writes one DataFeed that imports back whole."""
        assert (
            main(["export-claimreview", str(reviews_file), "--form", "list"])
            == 0
        )
        listed = json.loads(capsys.readouterr().out)

        code = main(
            ["export-claimreview", str(reviews_file), "--form", "datafeed"]
        )

        assert code == 0
        feed = json.loads(capsys.readouterr().out)
        assert feed["@type"] == "DataFeed"
        assert [e["item"] for e in feed["dataFeedElement"]] == [
            [written] for written in listed
        ]
        again = ct.ClaimSet()
        import_claimreviews(again, feed)
        assert again == ct.ClaimSet.load(reviews_file)

    def test_datafeed_refuses_what_google_refuses(
        self, incomplete_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An incomplete review stops the feed as it stops the list."""
        code = main(
            ["export-claimreview", str(incomplete_file), "--form", "datafeed"]
        )

        assert code == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "review 'r1': no url" in captured.err

    def test_unknown_form_is_bad_usage(self, reviews_file: Path) -> None:
        """An unknown form is a usage error."""
        with pytest.raises(SystemExit) as caught:
            main(["export-claimreview", str(reviews_file), "--form", "feed"])

        assert caught.value.code == 2


class TestExportClaimReviewCheck:
    def test_complete_reviews_pass(
        self, reviews_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--check lists what Google recommends, exits 0, writes no JSON."""
        assert main(["export-claimreview", str(reviews_file), "--check"]) == 0

        captured = capsys.readouterr()
        lines = captured.out.splitlines()
        assert lines
        assert all(": recommended: " in line for line in lines)
        assert all(line.startswith("$[") for line in lines)
        assert captured.err == (
            f"claimtrack: checked 2 review(s): 0 required, {len(lines)} "
            "recommended, 0 advice\n"
        )

    def test_required_problems_fail(
        self, incomplete_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A required property missing makes --check exit 1, naming it."""
        code = main(["export-claimreview", str(incomplete_file), "--check"])

        assert code == 1
        captured = capsys.readouterr()
        assert (
            "$[0]: required: url is missing; Google requires the address "
            "of the page that publishes the fact-check"
        ) in captured.out.splitlines()
        assert captured.err.startswith(
            "claimtrack: checked 1 review(s): 1 required, "
        )

    def test_check_the_feed(
        self, reviews_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --form datafeed, issues name their place in the feed."""
        code = main(
            [
                "export-claimreview",
                str(reviews_file),
                "--form",
                "datafeed",
                "--check",
            ]
        )

        assert code == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines
        assert all(line.startswith("$.dataFeedElement[") for line in lines)

    def test_advice_is_listed_not_warned(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A long claim is an advice line, not a warning; exit 0."""
        cs = ct.ClaimSet()
        cs.record_source("checker", name="Example Check")
        cs.record_claim("c", text="x" * 80)
        cs.record_review(
            "r",
            claim="c",
            reviewer="checker",
            date="2025-01-01",
            rating="False",
            url="https://check.example/r",
        )
        claims = tmp_path / "long.json"
        cs.save(claims)

        assert main(["export-claimreview", str(claims), "--check"]) == 0

        captured = capsys.readouterr()
        assert (
            "$[0] (https://check.example/r): advice: claimReviewed has 80 "
            "characters; Google advises at most 75 (longer claims wrap on "
            "phones)"
        ) in captured.out.splitlines()
        assert "warning" not in captured.err

    def test_no_reviews(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A set without reviews checks clean, in either form."""
        claims = tmp_path / "none.json"
        ct.ClaimSet().save(claims)

        for form in ("list", "datafeed"):
            code = main(
                ["export-claimreview", str(claims), "--form", form, "--check"]
            )
            assert code == 0
            assert capsys.readouterr() == (
                "",
                (
                    "claimtrack: checked 0 review(s): 0 required, 0 "
                    "recommended, 0 advice\n"
                ),
            )

    def test_check_writes_nothing(
        self,
        reviews_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--check with -o is a usage error: it writes no file."""
        output = tmp_path / "out.json"

        code = main(
            [
                "export-claimreview",
                str(reviews_file),
                "--check",
                "-o",
                str(output),
            ]
        )

        assert code == 2
        assert not output.exists()
        assert "--check writes nothing" in capsys.readouterr().err
