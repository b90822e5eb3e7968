# SPDX-License-Identifier: MIT
"""Fuzz tests: the JSON loader and the ClaimReview importer under attack."""

from __future__ import annotations

import json

from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings

import claimtrack as ct

from claimtrack import serialization
from claimtrack.claimreview import import_claimreviews

from .strategies import hostile_claimreviews, hostile_documents


# Bounded whatever the profile: each example is small, and there are few.
BOUNDED = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(name="validator", scope="module")
def _validator() -> Any:
    """A validator for the shipped schema (needs the jsonschema package)."""
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(serialization.schema())


def _as_written(field: str, value: Any) -> Any:
    """*value* as claimtrack writes it: dates in their full form."""
    if field in ("date", "event_date", "valid_from", "valid_to"):
        return ct.PartialDate.parse(value)
    return value


def assert_written_back(
    given_: dict[str, Any], written: dict[str, Any]
) -> None:
    """Every value *given_* holds is in *written*, unchanged."""
    for key, records in given_.items():
        if not isinstance(records, list):
            continue
        by_id = {record["id"]: record for record in written.get(key, [])}
        for record in records:
            out = by_id[record["id"]]
            for field, value in record.items():
                if value == [] and field not in out:
                    continue  # an empty list is the default, left out
                if field == "rating":
                    assert {
                        k: v for k, v in out[field].items() if k in value
                    } == value
                    continue
                assert _as_written(field, out[field]) == _as_written(
                    field, value
                )


class TestLoader:
    @BOUNDED
    @given(document=hostile_documents())
    def test_refused_or_loaded_as_the_schema_says(
        self, document: dict[str, Any], validator: Any
    ) -> None:
        """A hostile document raises FormatError, or is valid and kept."""
        try:
            loaded = ct.ClaimSet.from_json(json.dumps(document))
        except ct.ClaimtrackError as e:
            refused: ct.ClaimtrackError | None = e
        else:
            refused = None
        if refused is not None:
            assert isinstance(refused, ct.FormatError)
            assert all(p.path.startswith("$") for p in refused.problems)
            str(refused).encode()  # printable: no lone surrogate in it
            return
        assert validator.is_valid(document)
        written = json.loads(loaded.to_json())
        assert validator.is_valid(written)
        assert_written_back(document, written)
        assert ct.ClaimSet.from_json(loaded.to_json()) == loaded


class TestClaimReviewImport:
    @BOUNDED
    @given(feed=hostile_claimreviews())
    def test_clean_result_or_claimtrack_error(self, feed: list[Any]) -> None:
        """A hostile feed imports cleanly, or fails and changes nothing."""
        for errors in ("collect", "raise"):
            cs = ct.example()
            before = cs.copy()
            try:
                result = import_claimreviews(cs, feed, errors=errors)
            except ct.ClaimtrackError as e:
                str(e).encode()  # printable: no lone surrogate in it
                assert cs == before
                continue
            for skipped in result.skipped:
                str(skipped).encode()
            # Whatever was recorded can be saved and read back.
            assert ct.ClaimSet.from_json(cs.to_json()) == cs
