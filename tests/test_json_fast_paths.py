# SPDX-License-Identifier: MIT
"""The JSON format's quick paths agree with the full ones beside them."""

from __future__ import annotations

import json

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
import claimtrack.serialization  # the strategies read documents through it

from claimtrack import (
    _json_document,
    _json_records,
    _json_writer,
    _strict_json,
)

from .strategies import (
    claim_sets,
    json_texts_with_repeats,
    mutated_documents,
)


def _outcome(make: Callable[[], object]) -> tuple[str, object]:
    """What *make* gives: its result, or its error's class and message."""
    try:
        return ("made", make())
    except ct.ClaimtrackError as e:
        return (type(e).__name__, str(e))


@contextmanager
def _full_read() -> Iterator[None]:
    """Every text read pair by pair, as if no text were shown sound."""
    with mock.patch.object(
        _strict_json, "_no_repeated_keys", return_value=False
    ):
        yield


@contextmanager
def _full_parse() -> Iterator[None]:
    """Every document read record by record, with a path for each."""
    with mock.patch.object(
        _json_document, "_quick_document", return_value=None
    ):
        yield


def _parsed(document: Any) -> tuple[str, object]:
    """A parsed document as plain values, or the error it raises."""

    def parse() -> object:
        parsed = _json_document.parse_document(document)
        return (parsed.policy, parsed.records, dict(parsed.paths))

    return _outcome(parse)


class TestStrictRead:
    @given(json_texts_with_repeats())
    def test_agrees_with_reading_pairs(self, text: str) -> None:
        """Read once and shown sound, or pair by pair: the same outcome."""
        quick = _outcome(lambda: _strict_json.read_json(text))
        with _full_read():
            full = _outcome(lambda: _strict_json.read_json(text))
        assert quick == full

    @given(json_texts_with_repeats())
    def test_proof_is_never_wrong(self, text: str) -> None:
        """Where the counts show no repeated key, there is none."""
        try:
            data = json.loads(text)
        except ValueError:
            return
        if _strict_json._no_repeated_keys(text, data):
            json.loads(text, object_pairs_hook=_strict_json._unique_keys)

    @pytest.mark.parametrize(
        "text",
        [
            '{"a": 1, "a": 2}',
            '{"sources": [{"id": "x", "id": "y"}]}',
            '{"sources": [{"id": "a:b"}, {"n": {"k": 1, "k": 2}}]}',
            '{"a": "{", "a": ":"}',
            '[{"a": 1, "a": 2}, NaN]',
            '[{"a": 1, "a": 2}, oops',
            '{"a": 1, "a": 2, "b": NaN}',
        ],
    )
    def test_repeated_keys_refused(self, text: str) -> None:
        """The first problem in the text is named, as before."""
        with pytest.raises(ct.FormatError) as quick:
            _strict_json.read_json(text)
        with _full_read(), pytest.raises(ct.FormatError) as full:
            _strict_json.read_json(text)
        assert str(quick.value) == str(full.value)

    def test_sound_document_read_once(self) -> None:
        """A document with nothing repeated is not read a second time."""
        text = ct.ClaimSet().to_json()
        with mock.patch.object(
            _strict_json,
            "_unique_keys",
            side_effect=AssertionError("read pair by pair"),
        ):
            assert _strict_json.read_json(text)["format"] == "claimtrack"


class TestQuickDocument:
    @given(mutated_documents())
    def test_damaged_documents(self, document: Any) -> None:
        """A damaged document parses, or fails, the same with or without."""
        quick = _parsed(document)
        with _full_parse():
            full = _parsed(document)
        assert quick == full

    @given(claim_sets())
    def test_sound_documents(self, cs: ct.ClaimSet) -> None:
        """A sound document gives the same records and the same paths."""
        document = json.loads(cs.to_json())
        quick = _parsed(document)
        with _full_parse():
            full = _parsed(document)
        assert quick == full
        assert quick[0] == "made"

    @pytest.mark.parametrize(
        ("key", "item"),
        [
            ("statements", {"id": ["s1"], "claim": "c1", "source": "src"}),
            ("statements", {"id": {}, "claim": "c1", "source": "src"}),
            (
                "statements",
                {"id": "s1", "claim": "c1", "source": "src", "stance": {}},
            ),
            (
                "statements",
                {"id": "s1", "claim": "c1", "source": "src", "via": ["x"]},
            ),
            (
                "statements",
                {
                    "id": "s1",
                    "claim": "c1",
                    "source": "src",
                    "date": ["2024"],
                    "derives_from": [["s0"]],
                },
            ),
            ("claims", {"id": ["c1"], "text": "A claim."}),
            ("claims", {"id": "c1", "text": "A", "event_date": {}}),
            ("sources", {"id": "src", "name": "S", "reliability": ["A"]}),
            ("links", {"id": [], "subject": "a", "relation": "same_as"}),
        ],
    )
    def test_unhashable_values_fall_back(
        self, key: str, item: dict[str, Any]
    ) -> None:
        """An unhashable value is reported as the full path reports it."""
        document = json.loads(ct.ClaimSet().to_json())
        document[key].append(item)
        quick = _parsed(document)
        with _full_parse():
            full = _parsed(document)
        assert quick == full
        assert quick[0] == "FormatError"
        text = json.dumps(document)
        assert _outcome(lambda: ct.ClaimSet.from_json(text)) == quick

    @given(claim_sets(), st.randoms(use_true_random=False))
    def test_keys_in_any_order(self, cs: ct.ClaimSet, random: Any) -> None:
        """A statement's keys may come in any order, and still agree."""
        document = json.loads(cs.to_json())
        document["statements"] = [
            dict(random.sample(list(item.items()), len(item)))
            for item in document["statements"]
        ]
        quick = _parsed(document)
        with _full_parse():
            full = _parsed(document)
        assert quick == full == _parsed(json.loads(cs.to_json()))

    def test_many_orders_of_keys(self) -> None:
        """Past the orders of keys it remembers, statements still load."""
        cs = ct.ClaimSet()
        cs.record_source("src", name="S")
        cs.record_claim("c1", text="A claim.")
        cs.record_statement("s1", claim="c1", source="src", date="2024")
        shapes = {(str(i),): None for i in range(100)}
        with mock.patch.dict(_json_records._STATEMENT_SHAPES, shapes):
            assert ct.ClaimSet.from_json(cs.to_json()) == cs

    def test_paths_of_a_quick_document(self) -> None:
        """Problems found after parsing still name the record's place."""
        document = json.loads(ct.ClaimSet().to_json())
        document["sources"].append({"id": "src", "name": "S"})
        document["claims"].append({"id": "c1", "text": "A claim."})
        document["statements"] += [
            {"id": "s1", "claim": "c1", "source": "src"},
            {"id": "s2", "claim": "c1", "source": "nobody"},
        ]
        with pytest.raises(ct.FormatError, match=r"\$\.statements\[1\]"):
            ct.ClaimSet.from_json(json.dumps(document))


class TestWriterLayout:
    @given(claim_sets(), st.sampled_from([None, 0, 2, 3]))
    def test_same_text_as_the_converter(
        self, cs: ct.ClaimSet, indent: int | None
    ) -> None:
        """The writer's own layout writes `to_document`'s text exactly."""
        document = ct.serialization.to_document(cs)
        if indent is None:
            text = json.dumps(
                document, ensure_ascii=False, separators=(",", ":")
            )
        else:
            text = json.dumps(document, ensure_ascii=False, indent=indent)
        assert cs.to_json(indent=indent) == text + "\n"

    def test_every_flat_kind_laid_out(self) -> None:
        """Reviews, with nested values, are the only kind left to cattrs."""
        left = [
            cls.__name__
            for cls, layout in _json_writer._LAYOUTS.items()
            if layout is None
        ]
        assert left == ["Review"]
