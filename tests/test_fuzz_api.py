# SPDX-License-Identifier: MIT
"""Fuzzing the claim set's API: a ClaimtrackError or an answer, nothing else."""

from __future__ import annotations

import math

from typing import Any

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct


HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            " ",
            "\ud800",
            "\x00",
            "c1",
            "c3",
            "mali",
            "2025-06-04",
            "2025-13-40",
            "Wednesday",
            "asserts",
            "part_of",
            "same_as",
            "9" * 5000,
            "x" * 10_000,
        ]
    ),
    st.binary(max_size=8),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()),
    st.just(math.nan),
    st.just(memoryview(b"c1")),
)
"""Values a careless or hostile caller might pass anywhere."""

CALLS: dict[str, Any] = {
    "record_source": lambda cs, a, b, c: cs.record_source(a, name=b, kind=c),
    "record_document": lambda cs, a, b, c: cs.record_document(
        a, publisher=b, date=c
    ),
    "record_claim": lambda cs, a, b, c: cs.record_claim(a, text=b, places=c),
    "record_statement": lambda cs, a, b, c: cs.record_statement(
        a, claim=b, source=c
    ),
    "relay": lambda cs, a, b, c: cs.record_statement(
        claim="c3", source="mali", derives_from=a, via=b, date=c
    ),
    "link": lambda cs, a, b, c: cs.link(a, b, c),
    "link_dated": lambda cs, a, b, c: cs.link(
        "mali", "part_of", "aes", valid_from=a, valid_to=b
    ),
    "record_many": lambda cs, a, b, c: cs.record_many(a),
    "record": lambda cs, a, b, c: cs.record(a),
    "merge": lambda cs, a, b, c: cs.merge(a),
    "corroboration": lambda cs, a, b, c: cs.corroboration(a, as_of=b),
    "reports": lambda cs, a, b, c: cs.reports(as_of=a),
    "is_corroborated": lambda cs, a, b, c: cs.is_corroborated(
        a, as_of=b, minimum=c
    ),
    "independent": lambda cs, a, b, c: cs.independent(a, b, at=c),
    "affiliations": lambda cs, a, b, c: cs.affiliations(a, at=b),
    "find_sources": lambda cs, a, b, c: cs.find_sources(a),
    "find_claims": lambda cs, a, b, c: cs.find_claims(text=a, place=b, tag=c),
    "related_claims": lambda cs, a, b, c: cs.related_claims(a, b),
    "links_of": lambda cs, a, b, c: cs.links_of(a),
    "date_of": lambda cs, a, b, c: cs.date_of(a),
    "statements_about": lambda cs, a, b, c: cs.statements_about(a),
    "claim_class": lambda cs, a, b, c: cs.claim_class(a),
    "suspicions": lambda cs, a, b, c: cs.suspicions(kinds=a, min_score=b),
    "accept": lambda cs, a, b, c: cs.accept(a, note=b, copier=c),
    "reject": lambda cs, a, b, c: cs.reject(a, note=b),
    "unlink": lambda cs, a, b, c: cs.unlink(a),
    "getitem": lambda cs, a, b, c: cs[a],
    "contains": lambda cs, a, b, c: a in cs,
    "get": lambda cs, a, b, c: cs.get(a),
    "from_json": lambda cs, a, b, c: ct.ClaimSet.from_json(a),
    "policy": lambda cs, a, b, c: ct.CorroborationPolicy(
        minimum=a, one_voice=b, control=c
    ),
    "claim_set_policy": lambda cs, a, b, c: ct.ClaimSet(policy=a),
    "partial_date": lambda cs, a, b, c: ct.PartialDate.parse(a, reference=b),
}


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(a=HOSTILE, b=HOSTILE, c=HOSTILE)
def test_a_claimtrack_error_or_an_answer(
    name: str, a: object, b: object, c: object
) -> None:
    """
    A call answers or raises a ClaimtrackError.

    After an answer the set still writes and reads back; after an error
    it is exactly as it was.
    """
    cs = ct.example()
    before = cs.to_json()
    try:
        CALLS[name](cs, a, b, c)
    except ct.ClaimtrackError:
        assert cs.to_json() == before
    else:
        # What was accepted can be written and read back.
        assert ct.ClaimSet.from_json(cs.to_json()) == cs
