# SPDX-License-Identifier: MIT
"""Tests for `claimtrack.serialization` and the JSON side of `ClaimSet`."""

from __future__ import annotations

import json
import os
import stat

from pathlib import Path
from typing import Any

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct

from claimtrack import serialization

from .strategies import (
    claim_sets,
    claim_sets_with_policy,
    mutated_documents,
    record_lists,
    summary,
)


ROOT = Path(__file__).parent.parent


def example_document() -> dict[str, Any]:
    """The bundled example as a parsed document, to damage in tests."""
    return json.loads(ct.example().to_json())


def problems_of(document: object) -> list[str]:
    """The problems from loading *document*, as "path: message" lines."""
    text = (
        document
        if isinstance(document, (str, bytes))
        else json.dumps(document)
    )
    with pytest.raises(ct.FormatError) as caught:
        ct.ClaimSet.from_json(text)
    return [str(problem) for problem in caught.value.problems]


class TestRoundTrip:
    @given(cs=claim_sets_with_policy())
    def test_exact(self, cs: ct.ClaimSet) -> None:
        """Loading what was written gives an equal set and identical text."""
        text = cs.to_json()

        loaded = ct.ClaimSet.from_json(text)

        assert loaded == cs
        assert loaded.to_json() == text
        for a, b in zip(loaded.reports(), cs.reports(), strict=True):
            assert summary(a) == summary(b)
            assert a.explain() == b.explain()

    @given(records=record_lists(), data=st.data())
    def test_deterministic(
        self, records: list[ct.Record], data: st.DataObject
    ) -> None:
        """Equal sets recorded in different orders give the same bytes."""
        first, second = ct.ClaimSet(), ct.ClaimSet()
        first.record_many(records)
        second.record_many(data.draw(st.permutations(records)))

        assert first.to_json().encode() == second.to_json().encode()

    def test_example_round_trip(self) -> None:
        """The bundled example survives a round trip, answers and all."""
        cs = ct.example()

        loaded = ct.ClaimSet.from_json(cs.to_json().encode("utf-8"))

        assert loaded == cs
        assert loaded.corroboration("c3").explain() == (
            cs.corroboration("c3").explain()
        )

    def test_empty_set(self) -> None:
        """An empty set writes every list, empty, and loads back."""
        text = ct.ClaimSet().to_json()

        assert json.loads(text) == {
            "format": "claimtrack",
            "version": 2,
            "sources": [],
            "documents": [],
            "claims": [],
            "links": [],
            "statements": [],
        }
        assert ct.ClaimSet.from_json(text) == ct.ClaimSet()

    def test_policy_round_trip(self) -> None:
        """A set's own policy is written and read back."""
        policy = ct.CorroborationPolicy(one_voice=["aes"], minimum=3)
        cs = ct.ClaimSet(policy=policy)

        document = json.loads(cs.to_json())

        assert document["policy"]["one_voice"] == ["aes"]
        assert document["policy"]["minimum"] == 3
        assert ct.ClaimSet.from_json(cs.to_json()).policy == policy

    def test_unequal_policies_make_unequal_sets(self) -> None:
        """Sets that differ only by policy are not equal."""
        assert ct.ClaimSet() != ct.ClaimSet(
            policy=ct.CorroborationPolicy(minimum=3)
        )


class TestConventions:
    def test_header_first(self) -> None:
        """The format name and version open the document."""
        document = json.loads(ct.example().to_json())

        assert list(document)[:2] == ["format", "version"]
        assert document["format"] == "claimtrack"
        assert document["version"] == serialization.FORMAT_VERSION == 2

    def test_records_sorted_by_id_with_stable_keys(self) -> None:
        """Records are sorted by id; keys follow the field order."""
        document = example_document()

        for key, _ in serialization.RECORD_LISTS:
            ids = [record["id"] for record in document.get(key, [])]
            assert ids == sorted(ids)
        statement = next(
            s for s in document["statements"] if s["id"] == "c2-fama"
        )
        assert list(statement) == [
            "id",
            "claim",
            "source",
            "stance",
            "date",
            "document",
            "modality",
        ]

    def test_precision_kept(self) -> None:
        """Partial dates and zoned times are written as given."""
        cs = ct.ClaimSet()
        cs.record_source("a", name="A")
        cs.record_claim("x", text="X", event_date="2025-06")
        cs.record_document("y", date="2025")
        cs.record_statement(
            "s", claim="x", source="a", date="2025-06-04T10:30:00+01:00"
        )

        document = json.loads(cs.to_json())

        assert document["claims"][0]["event_date"] == "2025-06"
        assert document["documents"][0]["date"] == "2025"
        assert document["statements"][0]["date"] == "2025-06-04T10:30:00+01:00"

    def test_enums_lowercase_and_absent_fields_omitted(self) -> None:
        """Enums are lowercase strings; empty optional fields are left out."""
        document = example_document()

        link = document["links"][0]
        assert link["relation"] == link["relation"].lower()
        outlet = next(s for s in document["sources"] if s["id"] == "outlet")
        assert outlet == {
            "id": "outlet",
            "name": "The outlet",
            "kind": "news_outlet",
        }
        relay = next(
            s for s in document["statements"] if s["id"] == "c7-outlet"
        )
        assert relay["stance"] == "asserts"
        assert relay["via"] == "relays"
        assert "quote" not in relay

    def test_human_readable(self) -> None:
        """The text is indented, UTF-8 and ends with a newline."""
        text = ct.example().to_json()

        assert text.endswith("}\n")
        assert '\n  "sources": [\n' in text
        assert "Alliance des États du Sahel" in text


@pytest.fixture(name="validator", scope="module")
def _validator() -> Any:
    """A validator for the shipped schema (needs the jsonschema package)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = serialization.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


class TestSchema:
    def test_example_is_valid(self, validator: Any) -> None:
        """The bundled example's document is valid under the schema."""
        assert list(validator.iter_errors(example_document())) == []

    @given(cs=claim_sets_with_policy())
    def test_every_written_document_is_valid(
        self, validator: Any, cs: ct.ClaimSet
    ) -> None:
        """Whatever claimtrack writes, the schema accepts."""
        errors = list(validator.iter_errors(json.loads(cs.to_json())))

        assert errors == []

    def test_schema_rejects_bad_documents(self, validator: Any) -> None:
        """The schema is not vacuous: it refuses damaged documents."""
        document = example_document()
        document["statements"][0]["stance"] = "whispers"
        document["sources"][0]["surprise"] = True

        assert len(list(validator.iter_errors(document))) == 2

    def test_docs_show_the_shipped_schema(self) -> None:
        """The format reference page shows the schema that ships."""
        page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
        shipped = (
            ROOT / "src" / "claimtrack" / "claimtrack.schema.json"
        ).read_text(encoding="utf-8")

        assert shipped.strip() in page

    def test_sample_file_is_current(self) -> None:
        """The sample file in the docs is the example as written today."""
        sample = ROOT / "docs" / "example.claimtrack.json"

        assert sample.read_text(encoding="utf-8") == ct.example().to_json()


class TestBadInput:
    def test_dangling_reference(self) -> None:
        """An unknown source is reported with its JSON path."""
        document = example_document()
        document["statements"][3]["source"] = "fama-gs2"

        assert problems_of(document) == [
            (
                "$.statements[3].source: unknown source 'fama-gs2' (referred "
                "to by 'c10-outlet')"
            )
        ]

    def test_every_problem_is_reported(self) -> None:
        """Wrong types, unknown keys and missing fields all come at once."""
        document = example_document()
        document["statements"][3]["source"] = 5
        document["statements"][4]["extra"] = 1
        del document["claims"][0]["text"]
        document["links"][0]["relation"] = "bogus"
        document["surprise"] = []

        problems = problems_of(document)

        assert problems[0] == "$.surprise: unknown key"
        assert "$.claims[0].text: required field missing" in problems
        assert "$.statements[3].source: expected a string, got a number" in (
            problems
        )
        assert "$.statements[4].extra: unknown key" in problems
        assert any(
            p.startswith("$.links[0].relation: 'bogus'") for p in problems
        )
        assert len(problems) == 5

    @pytest.mark.parametrize(
        ("damage", "expected"),
        [
            (
                lambda d: d["statements"][3].update(derives_from="c1-fama"),
                "$.statements[3].derives_from: expected a list, got a string",
            ),
            (
                lambda d: d["statements"][3].update(date="Wednesday"),
                "$.statements[3].date: invalid date 'Wednesday'",
            ),
            (
                lambda d: d["statements"][3].update(target="c1-fama"),
                "$.statements[3].target: invalid target 'c1-fama'",
            ),
            (
                lambda d: d["sources"][0].update(reliability="Z"),
                "$.sources[0].reliability: invalid reliability 'Z'",
            ),
            (
                lambda d: d["sources"][1].update(id=" x"),
                "$.sources[1].id: invalid id ' x'",
            ),
            (
                lambda d: d["claims"].append(d["claims"][0]),
                "$.claims[13].id: id 'c1' is already used at $.claims[0]",
            ),
            (
                lambda d: d["links"][0].update(valid_from=2023),
                "$.links[0].valid_from: expected a string, got a number",
            ),
            (
                lambda d: d["links"][0].update(
                    valid_from="2024", valid_to="2023"
                ),
                "$.links[0]: invalid interval",
            ),
            (
                lambda d: d["statements"][3].update(source="c1"),
                "$.statements[3].source: 'c1' is a claim, not a source",
            ),
            (
                lambda d: d.update(policy={"minimum": 0}),
                "$.policy.minimum: invalid minimum 0",
            ),
            (
                lambda d: d.update(policy={"bogus": 1}),
                "$.policy.bogus: unknown key",
            ),
            (
                lambda d: d.update(statements={}),
                "$.statements: expected a list",
            ),
            (
                lambda d: d["claims"].append(3),
                "$.claims[13]: expected an object",
            ),
            (lambda d: d.pop("format"), "$: missing 'format'"),
            (
                lambda d: d.update(format="other"),
                "$.format: expected 'claimtrack'",
            ),
            (lambda d: d.update(version="1"), "$.version: expected a version"),
            (lambda d: d.update(version=0), "$.version: expected a version"),
        ],
    )
    def test_specific_problems(self, damage: Any, expected: str) -> None:
        """Each kind of damage is named at its path."""
        document = example_document()
        damage(document)

        problems = problems_of(document)

        assert any(p.startswith(expected) for p in problems), problems

    @pytest.mark.parametrize(
        ("key", "field"),
        [
            ("sources", "aliases"),
            ("documents", "authors"),
            ("documents", "cites"),
            ("claims", "places"),
            ("claims", "tags"),
            ("statements", "derives_from"),
        ],
    )
    @pytest.mark.parametrize(
        ("value", "kind"),
        [("outlet", "a string"), (None, "null"), ({"a": "b"}, "an object")],
    )
    def test_a_list_must_be_a_list(
        self, key: str, field: str, value: object, kind: str
    ) -> None:
        """A string, null or object where a list belongs is refused."""
        document = example_document()
        document[key][0][field] = value

        assert problems_of(document) == [
            f"$.{key}[0].{field}: expected a list, got {kind}"
        ]

    def test_relay_cycle(self) -> None:
        """A relay cycle in a file names the statements on it."""
        document = example_document()
        first = next(s for s in document["statements"] if s["id"] == "c1-fama")
        first.update(derives_from=["c1-outlet"], via="relays")

        (problem,) = problems_of(document)

        assert problem.endswith(
            "statements derive from each other in a cycle: 'c1-fama' -> "
            "'c1-outlet' -> 'c1-fama'"
        )

    def test_affiliation_cycle(self) -> None:
        """Simultaneous affiliation cycles in a file are refused."""
        document = example_document()
        document["links"].append(
            {
                "id": "loop",
                "subject": "mali",
                "relation": "part_of",
                "object": "fama-gs",
            }
        )

        (problem,) = problems_of(document)

        assert "affiliations form a cycle at one time" in problem
        assert "'loop'" in problem

    def test_temporal_inconsistency(self) -> None:
        """A statement deriving from a later one is refused."""
        document = example_document()
        relay = next(
            s for s in document["statements"] if s["id"] == "c1-outlet"
        )
        relay["date"] = "2025-06-01"

        (problem,) = problems_of(document)

        index = document["statements"].index(relay)
        assert problem.startswith(f"$.statements[{index}].derives_from[0]:")
        assert "derives from a statement dated 2025-06-04" in problem

    def test_future_version(self) -> None:
        """A newer format version is named alongside the one supported."""
        document = example_document()
        document["version"] = 7
        document["novelty"] = {"whatever": True}

        (problem,) = problems_of(document)

        assert "version 7" in problem
        assert "version 2" in problem

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("{nope", "$: not JSON: Expecting property name"),
            (b"\xff\xfe{}", "$: not UTF-8 text"),
            ("[]", "$: expected an object, got a list"),
            ('"claimtrack"', "$: expected an object, got a string"),
            ('{"format": "claimtrack", "format": "x"}', "$: key 'format'"),
            ('{"format": "claimtrack", "version": NaN}', "$: NaN"),
            ("", "$: not JSON"),
        ],
    )
    def test_not_claimtrack_json(
        self, text: str | bytes, expected: str
    ) -> None:
        """Text that is not claimtrack JSON at all is a FormatError too."""
        (problem,) = problems_of(text)

        assert problem.startswith(expected)

    def test_unknown_key_that_looks_like_a_digit(self) -> None:
        """A key such as "²" is reported as unknown, not taken for an index."""
        document = example_document()
        document["sources"][0]["²"] = 1

        assert problems_of(document) == ["$.sources[0].²: unknown key"]

    def test_unknown_keys_of_digits_and_symbols(self) -> None:
        """Unknown keys "0" and ":" are both reported, in a stable order."""
        document = example_document()
        document["sources"][0][":"] = 1
        document["sources"][0]["0"] = 1

        assert problems_of(document) == [
            "$.sources[0].0: unknown key",
            "$.sources[0].:: unknown key",
        ]

    def test_format_error_is_a_value_error(self) -> None:
        """FormatError is a ClaimtrackError and a ValueError."""
        with pytest.raises(ValueError, match="not JSON"):
            ct.ClaimSet.from_json("{")
        assert issubclass(ct.FormatError, ct.ClaimtrackError)

    @given(document=mutated_documents())
    def test_mutations_load_or_fail_cleanly(self, document: Any) -> None:
        """A damaged document loads, or raises FormatError; nothing else."""
        text = json.dumps(document)
        try:
            loaded = ct.ClaimSet.from_json(text)
        except ct.FormatError as e:
            problems = e.problems
        else:
            assert ct.ClaimSet.from_json(loaded.to_json()) == loaded
            return
        assert problems
        assert all(p.path.startswith("$") for p in problems)


class TestHostileInput:
    def test_deep_nesting(self) -> None:
        """100,000 nested arrays fail cleanly, without a RecursionError."""
        (problem,) = problems_of("[" * 100_000 + "]" * 100_000)

        assert problem == "$: nested too deeply to be claimtrack JSON"

    def test_long_relay_chain(self) -> None:
        """A relay chain 100,000 deep loads and can be queried."""
        statements = [{"id": "s0", "claim": "x", "source": "a"}]
        statements.extend(
            {
                "id": f"s{i}",
                "claim": "x",
                "source": "a",
                "derives_from": [f"s{i - 1}"],
                "via": "relays",
            }
            for i in range(1, 100_000)
        )
        document = {
            "format": "claimtrack",
            "version": 1,
            "sources": [{"id": "a", "name": "A"}],
            "claims": [{"id": "x", "text": "X"}],
            "statements": statements,
        }

        cs = ct.ClaimSet.from_json(json.dumps(document))

        report = cs.corroboration("x")
        assert [o.id for o in report.asserting_groups[0].origins] == ["s0"]

    def test_long_relay_cycle(self) -> None:
        """A 100,000-long relay cycle is found and named, not recursed."""
        size = 100_000
        statements = [
            {
                "id": f"s{i}",
                "claim": "x",
                "source": "a",
                "derives_from": [f"s{(i + 1) % size}"],
            }
            for i in range(size)
        ]
        document = {
            "format": "claimtrack",
            "version": 1,
            "sources": [{"id": "a", "name": "A"}],
            "claims": [{"id": "x", "text": "X"}],
            "statements": statements,
        }

        with pytest.raises(ct.FormatError) as caught:
            ct.ClaimSet.from_json(json.dumps(document))

        assert "in a cycle" in caught.value.problems[0].message

    def test_big_document(self) -> None:
        """A 50 MB document with very long strings loads."""
        long_text = "x" * 1_000_000
        document = {
            "format": "claimtrack",
            "version": 1,
            "sources": [
                {"id": f"src{i}", "name": long_text} for i in range(50)
            ],
        }
        text = json.dumps(document)
        assert len(text) > 50_000_000

        cs = ct.ClaimSet.from_json(text)

        assert len(cs) == 50
        assert cs.source("src7").name == long_text


class TestFiles:
    def test_save_and_load(self, tmp_path: Path) -> None:
        """save() writes the JSON text; load() reads it back."""
        path = tmp_path / "claims.json"
        cs = ct.example()

        cs.save(path)

        assert path.read_text(encoding="utf-8") == cs.to_json()
        assert ct.ClaimSet.load(path) == cs
        assert serialization.load(str(path)) == cs
        assert [p.name for p in tmp_path.iterdir()] == ["claims.json"]

    def test_failed_save_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Serialisation failing mid-way leaves the previous file intact."""
        path = tmp_path / "claims.json"
        path.write_text("the previous contents", encoding="utf-8")
        written: list[str] = []
        original = json.JSONEncoder.iterencode

        def failing(
            self: json.JSONEncoder, o: Any, _one_shot: bool = False
        ) -> Any:
            for number, chunk in enumerate(original(self, o)):
                if number == 50:
                    raise RuntimeError("disk on fire")
                written.append(chunk)
                yield chunk

        monkeypatch.setattr(json.JSONEncoder, "iterencode", failing)

        with pytest.raises(RuntimeError, match="disk on fire"):
            ct.example().save(path)

        assert len(written) == 50
        assert path.read_text(encoding="utf-8") == "the previous contents"
        assert [p.name for p in tmp_path.iterdir()] == ["claims.json"]

    def test_failed_sync_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A failure to sync to disk leaves the previous file intact."""
        path = tmp_path / "claims.json"
        path.write_text("before", encoding="utf-8")

        def broken_fsync(descriptor: int) -> None:
            raise OSError("no space left")

        monkeypatch.setattr(os, "fsync", broken_fsync)

        with pytest.raises(OSError, match="no space left"):
            ct.example().save(path)

        assert path.read_text(encoding="utf-8") == "before"
        assert [p.name for p in tmp_path.iterdir()] == ["claims.json"]

    def test_save_keeps_the_file_mode(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permissions."""
        path = tmp_path / "claims.json"
        path.write_text("{}", encoding="utf-8")
        path.chmod(0o640)

        ct.example().save(path)

        assert stat.S_IMODE(path.stat().st_mode) == 0o640

    def test_load_reports_format_errors(self, tmp_path: Path) -> None:
        """Loading a broken file raises FormatError."""
        path = tmp_path / "broken.json"
        path.write_bytes(b"\x00\x01")

        with pytest.raises(ct.FormatError):
            ct.ClaimSet.load(path)

    def test_load_missing_file(self, tmp_path: Path) -> None:
        """A missing file is an OSError, as for any file."""
        with pytest.raises(FileNotFoundError):
            ct.ClaimSet.load(tmp_path / "nothing.json")


class TestMerge:
    def test_union(self) -> None:
        """Merging adds the other set's records; shared ones stay one."""
        ours = ct.example()
        theirs = ct.example()
        theirs.record_source("monitor", name="Independent monitor")
        theirs.record_statement("c7-monitor", claim="c7", source="monitor")

        ours.merge(theirs)

        assert ours == theirs
        assert (
            ours.corroboration("c7").status is ct.EvidenceStatus.CORROBORATED
        )

    def test_conflicts_list_every_id(self) -> None:
        """Every conflicting id is listed with both versions' differences."""
        ours = ct.example()
        before = ours.copy()
        theirs = ct.ClaimSet()
        theirs.record_source("mali", name="Mali", kind="state")
        theirs.record_claim("c1", text="Something else")
        theirs.record_claim("outlet", text="A claim, not a source")
        theirs.record_source("new", name="New")

        with pytest.raises(ct.MergeConflictError) as caught:
            ours.merge(theirs)

        conflicts = {c.id: dict(c.differences) for c in caught.value.conflicts}
        assert conflicts == {
            "c1": {
                "text": (ours.claim("c1").text, "Something else"),
                "places": (["Mali"], []),
                "event_date": ("2025-06", None),
            },
            "mali": {"name": ("Republic of Mali", "Mali")},
            "outlet": {"kind": ("source", "claim")},
        }
        assert "'mali' (name: 'Republic of Mali' here, 'Mali' there)" in str(
            caught.value
        )
        assert ours == before
        assert "new" not in ours

    def test_union_that_breaks_a_rule(self) -> None:
        """A cycle made of links from both sets is refused; nothing changes."""
        ours = ct.ClaimSet()
        ours.record_source("a", name="A")
        ours.record_source("b", name="B")
        theirs = ours.copy()
        ours.link("a", "part_of", "b")
        theirs.link("b", "part_of", "a")
        before = ours.copy()

        with pytest.raises(ct.AffiliationCycleError):
            ours.merge(theirs)

        assert ours == before

    def test_merge_keeps_the_policy(self) -> None:
        """The receiving set's policy stays."""
        policy = ct.CorroborationPolicy(minimum=3)
        ours = ct.ClaimSet(policy=policy)

        ours.merge(ct.example())

        assert ours.policy == policy
        assert len(ours) == len(ct.example())


def reviewed_set() -> ct.ClaimSet:
    """The bundled example with a fact-check of claim c3."""
    cs = ct.example()
    cs.record_source("checker", name="Example Check")
    cs.record_review(
        "review-c3",
        claim="c3",
        reviewer="checker",
        date="2025-06-07T09:30:00",
        rating=ct.Rating(label="Unproven", value=3.5, best=5, worst=1),
        url="https://example.org/c3",
        evidence=[("c3-fama", "refutes")],
        reviewed=["c3-aes"],
    )
    return cs


class TestReviews:
    def test_written_shape(self) -> None:
        """A review is written with its rating nested, verdict last."""
        document = json.loads(reviewed_set().to_json())

        assert list(document)[-2:] == ["statements", "reviews"]
        assert document["reviews"] == [
            {
                "id": "review-c3",
                "claim": "c3",
                "reviewer": "checker",
                "rating": {
                    "label": "Unproven",
                    "value": 3.5,
                    "best": 5,
                    "worst": 1,
                    "verdict": "other",
                },
                "date": "2025-06-07T09:30:00",
                "url": "https://example.org/c3",
                "evidence": [{"record": "c3-fama", "role": "refutes"}],
                "reviewed": ["c3-aes"],
            }
        ]

    def test_no_reviews_no_key(self) -> None:
        """A set without reviews is written without a reviews key."""
        assert "reviews" not in json.loads(ct.example().to_json())

    def test_round_trip(self) -> None:
        """Reviews load back equal, and write the same text."""
        cs = reviewed_set()

        loaded = ct.ClaimSet.from_json(cs.to_json())

        assert loaded == cs
        assert loaded.to_json() == cs.to_json()
        assert loaded.corroboration("c3").explain() == (
            cs.corroboration("c3").explain()
        )

    def test_verdict_worked_out_when_absent(self) -> None:
        """A rating read without a verdict gets the one the rule gives."""
        document = json.loads(reviewed_set().to_json())
        rating = document["reviews"][0]["rating"]
        del rating["verdict"]
        rating["label"] = "Mostly true"
        rating["value"] = 1.0

        loaded = ct.ClaimSet.from_json(json.dumps(document))

        assert loaded.review("review-c3").rating == ct.Rating(
            label="Mostly true", value=1, best=5, worst=1, verdict="mixture"
        )

    @pytest.mark.parametrize(
        ("damage", "expected"),
        [
            (
                lambda r: r["rating"].update(value="3"),
                "$.reviews[0].rating.value: expected a number, got a string",
            ),
            (
                lambda r: r["rating"].update(value=True),
                "$.reviews[0].rating.value: expected a number, got a boolean",
            ),
            (
                lambda r: r.update(rating={"best": 5}),
                "$.reviews[0].rating: invalid rating None",
            ),
            (
                lambda r: r["rating"].update(verdict="maybe"),
                "$.reviews[0].rating.verdict: 'maybe' is not one of",
            ),
            (
                lambda r: r["rating"].update(stars=5),
                "$.reviews[0].rating.stars: unknown key",
            ),
            (
                lambda r: r.update(evidence="c3-fama"),
                "$.reviews[0].evidence: expected a list, got a string",
            ),
            (
                lambda r: r["evidence"][0].update(role="proves"),
                "$.reviews[0].evidence[0].role: 'proves' is not one of",
            ),
            (
                lambda r: r["evidence"][0].update(record="nothing"),
                "$.reviews[0].evidence[0].record: unknown statement",
            ),
            (
                lambda r: r.update(reviewed=["c1-fama"]),
                "$.reviews[0].reviewed[0]: invalid reviewed 'c1-fama'",
            ),
            (
                lambda r: r.update(reviewer="c3"),
                "$.reviews[0].reviewer: 'c3' is a claim, not a source",
            ),
            (lambda r: r.pop("rating"), "$.reviews[0].rating: required"),
            (lambda r: r.update(id="c1"), "$.reviews[0].id: id 'c1' is"),
        ],
    )
    def test_specific_problems(self, damage: Any, expected: str) -> None:
        """Each kind of damage to a review is named at its path."""
        document = json.loads(reviewed_set().to_json())
        damage(document["reviews"][0])

        problems = problems_of(document)

        assert any(p.startswith(expected) for p in problems), problems

    def test_schema_accepts_and_refuses_reviews(self, validator: Any) -> None:
        """The schema accepts a written review and refuses a bare rating."""
        document = json.loads(reviewed_set().to_json())
        assert list(validator.iter_errors(document)) == []

        document["reviews"][0]["rating"] = {"best": 5, "verdict": "true"}

        assert len(list(validator.iter_errors(document))) == 1


class TestGarbageCollector:
    @pytest.mark.parametrize("enabled", [True, False])
    def test_bulk_work_restores_the_collector(self, enabled: bool) -> None:
        """Loading, bulk recording and reports leave gc as they found it."""
        import gc  # noqa: PLC0415

        text = ct.example().to_json()
        was = gc.isenabled()
        (gc.enable if enabled else gc.disable)()
        try:
            loaded = ct.ClaimSet.from_json(text)
            assert gc.isenabled() is enabled
            with pytest.raises(ct.FormatError):
                ct.ClaimSet.from_json("{}")
            assert gc.isenabled() is enabled
            loaded.reports()
            assert gc.isenabled() is enabled
            with pytest.raises(ct.UnknownReferenceError):
                loaded.record_many(
                    [ct.Statement(id="x", claim="nope", source="a")]
                )
            assert gc.isenabled() is enabled
        finally:
            (gc.enable if was else gc.disable)()


class TestVersionOne:
    """Files written in format version 1 are read as they are."""

    def test_the_example_as_version_1(self) -> None:
        """The bundled example saved by a version 1 claimtrack loads."""
        text = (
            ROOT / "tests" / "data" / "example-v1.claimtrack.json"
        ).read_text(encoding="utf-8")
        assert '"version": 1,' in text

        loaded = ct.ClaimSet.from_json(text)

        assert loaded == ct.example()
        assert '"version": 2,' in loaded.to_json()

    @pytest.mark.parametrize(
        ("table", "record", "path"),
        [
            (
                "documents",
                {"id": "d", "text": "Body"},
                "$.documents[0].text",
            ),
            (
                "links",
                {
                    "id": "l",
                    "subject": "a",
                    "relation": "distinct_from",
                    "object": "b",
                },
                "$.links[0].relation",
            ),
            (
                "links",
                {
                    "id": "l",
                    "subject": "a",
                    "relation": "member_of",
                    "object": "b",
                    "note": "why",
                },
                "$.links[0].note",
            ),
        ],
    )
    def test_version_2_fields_in_a_version_1_file(
        self, table: str, record: dict[str, str], path: str
    ) -> None:
        """What version 2 added is refused in a file that says version 1."""
        document = {
            "format": "claimtrack",
            "version": 1,
            "sources": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            table: [record],
        }

        problems = problems_of(document)

        assert [p.split(": ")[0] for p in problems] == [path]
        assert "new in format version 2" in problems[0]

    def test_document_text_round_trip(self) -> None:
        """Document text is saved exactly and read back exactly."""
        cs = ct.ClaimSet()
        text = "GAO (AP) \u2014 A strike.\r\n\n  Indented line.\n"
        cs.record_document("d", text=text)

        assert ct.ClaimSet.from_json(cs.to_json()).document("d").text == text


def _claim_document(**fields: Any) -> dict[str, Any]:
    """A document holding one claim with *fields* added."""
    return {
        "format": "claimtrack",
        "version": 2,
        "claims": [{"id": "c", "text": "x", **fields}],
    }


class TestRefusedInput:
    def test_huge_integer(self) -> None:
        """An integer too long for Python to read is a FormatError."""
        text = '{"format": "claimtrack", "version": ' + "1" * 5000 + "}"

        assert problems_of(text) == [
            "$: an integer of 5000 digits is too long to be claimtrack JSON"
        ]

    def test_unknown_key_of_many_digits(self) -> None:
        """A 5,000-digit key is reported as unknown, not as a crash."""
        (problem,) = problems_of(_claim_document(**{"1" * 5000: 1}))

        assert problem.endswith("unknown key")

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"text": "a\ud800"}, "$.claims[0].text"),
            ({"tags": ["ok", "\udfff"]}, "$.claims[0].tags[1]"),
            ({"\ud800": 1}, "$.claims[0] (a key)"),
        ],
    )
    def test_lone_surrogate(self, fields: dict[str, Any], path: str) -> None:
        """A lone surrogate is refused at its JSON path."""
        (problem,) = problems_of(_claim_document(**fields))

        assert problem.startswith(f"{path}: holds a lone surrogate")
        problem.encode()

    @pytest.mark.parametrize("text", [None, 12, ["{}"]])
    def test_not_text(self, text: Any) -> None:
        """Anything but text or bytes is a FormatError."""
        with pytest.raises(ct.FormatError, match="expected JSON text"):
            ct.ClaimSet.from_json(text)

    def test_memoryview(self) -> None:
        """A memoryview is read as the bytes it shows."""
        text = ct.example().to_json().encode()

        assert ct.ClaimSet.from_json(memoryview(text)) == ct.example()

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"event_date": None}, "$.claims[0].event_date: null"),
            ({"event_date": " 2025-06 "}, "$.claims[0].event_date: invalid"),
            (
                {"event_date": "2025-06-04T10:00:00,5"},
                "$.claims[0].event_date: invalid",
            ),
            (
                {"event_date": "2025-06-04T10:00:00.1234567890123"},
                (
                    "$.claims[0].event_date: invalid date "
                    "'2025-06-04T10:00:00.1234567890123': more than 6 "
                    "decimals"
                ),
            ),
            ({"event_date": "today"}, "$.claims[0].event_date: invalid"),
            ({"event_date": "nope"}, "$.claims[0].event_date: invalid"),
        ],
    )
    def test_lenient_values_refused(
        self, fields: dict[str, Any], expected: str
    ) -> None:
        """What the schema refuses, the loader refuses, at the right path."""
        (problem,) = problems_of(_claim_document(**fields))

        assert problem.startswith(expected)

    @pytest.mark.parametrize("field", ["valid_from", "valid_to"])
    def test_link_date_path(self, field: str) -> None:
        """A bad link date is reported at the field, not at `.date`."""
        document = example_document()
        document["links"][0][field] = "nope"

        (problem,) = problems_of(document)

        assert problem.startswith(f"$.links[0].{field}: invalid date")

    @pytest.mark.parametrize("field", ["evidence", "reviewed"])
    def test_empty_review_lists(self, field: str) -> None:
        """An empty evidence or reviewed list is refused, as the schema does."""
        cs = ct.example()
        cs.record_source("checker", name="Checker")
        claim = cs.claims[0].id
        cs.record_review(
            "r", claim=claim, reviewer="checker", rating="False", date=None
        )
        document = json.loads(cs.to_json())
        document["reviews"][0][field] = []

        assert problems_of(document) == [
            f"$.reviews[0].{field}: an empty list: leave the key out"
        ]


class TestCompactLayout:
    """``indent=None``: one line, no spaces, the same document."""

    @given(cs=claim_sets())
    def test_compact_text_is_the_same_document(self, cs: ct.ClaimSet) -> None:
        """Compact and indented text hold the same JSON and load alike."""
        compact = cs.to_json(indent=None)

        assert json.loads(compact) == json.loads(cs.to_json())
        assert ct.ClaimSet.from_json(compact) == cs
        assert compact.count("\n") == 1
        assert compact == cs.copy().to_json(indent=None)

    def test_save_and_dumps_take_the_layout(self, tmp_path: Path) -> None:
        """save() and serialization.dumps() write the compact layout too."""
        cs = ct.example()
        path = tmp_path / "claims.json"

        cs.save(path, indent=None)
        serialization.save(cs, tmp_path / "other.json", indent=None)

        compact = cs.to_json(indent=None)
        assert path.read_text(encoding="utf-8") == compact
        assert (tmp_path / "other.json").read_text(encoding="utf-8") == compact
        assert serialization.dumps(cs, indent=None) == compact
        assert len(compact) < len(cs.to_json()) * 3 // 4
        assert ct.ClaimSet.load(path) == cs

    @pytest.mark.parametrize("indent", [True, -1, 2.0, "2", 17])
    def test_other_layouts_are_refused(self, indent: object) -> None:
        """An indent that is not None or 0 to 16 spaces is refused."""
        with pytest.raises(ct.InvalidValueError, match="indent"):
            ct.example().to_json(indent=indent)  # type: ignore[arg-type]


def test_a_null_link_evidence_is_refused_not_dropped() -> None:
    """A link's evidence is text: null is refused, as for any text field."""
    document = json.loads(ct.example().to_json())
    document["links"][0]["evidence"] = None

    with pytest.raises(ct.FormatError, match=r"links\[0\]\.evidence"):
        ct.ClaimSet.from_json(json.dumps(document))
