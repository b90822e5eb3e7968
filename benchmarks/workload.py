# SPDX-License-Identifier: MIT
"""
A deterministic benchmark workload: a claim set of N claims.

N/10 sources in an affiliation forest (control and membership links, some
dated), two statements per claim of which half relay the other, a few
retractions and same_as links between claims.
"""

from __future__ import annotations

import random

from typing import Any

import claimtrack as ct


__all__ = ["build", "record", "records", "rows"]

_CONTROL = ("part_of", "controlled_by", "owned_by")


def rows(claims: int, *, seed: int = 2025) -> dict[str, list[dict[str, Any]]]:
    """
    The workload as plain dicts, one list per kind, in a valid order.

    Each dict has the fields of the matching claimtrack record, as in the
    JSON format (absent optional fields left out), so the same rows feed
    claimtrack, the plain-dict floor and the prov package alike.
    """
    rng = random.Random(seed)
    n_sources = max(10, claims // 10)
    out: dict[str, list[dict[str, Any]]] = {
        "sources": [],
        "links": [],
        "claims": [],
        "statements": [],
    }
    for i in range(n_sources):
        source: dict[str, Any] = {
            "id": f"src{i}",
            "name": f"Source {i}",
            "kind": rng.choice(("news_outlet", "ministry", "ngo", "person")),
        }
        letter = rng.choice((None, "A", "B", "C", "D", "E", "F"))
        if letter:
            source["reliability"] = letter
        out["sources"].append(source)
    for i in range(1, n_sources):
        if rng.random() < 0.6:
            parent = rng.randrange(max(0, i - 50), i)
            relation = (
                rng.choice(_CONTROL) if rng.random() < 0.7 else "member_of"
            )
            link: dict[str, Any] = {
                "id": f"link{i}",
                "subject": f"src{i}",
                "relation": relation,
                "object": f"src{parent}",
            }
            if rng.random() < 0.3:
                link["valid_from"] = "2020-01-01"
            out["links"].append(link)
    for c in range(claims):
        out["claims"].append(
            {"id": f"c{c}", "text": f"Claim number {c} about place {c % 97}"}
        )
        day = 1 + c % 28
        first_source = f"src{rng.randrange(n_sources)}"
        out["statements"].append(
            {
                "id": f"s{c}a",
                "claim": f"c{c}",
                "source": first_source,
                "stance": "asserts",
                "date": f"2024-05-{day:02d}",
            }
        )
        second: dict[str, Any] = {
            "id": f"s{c}b",
            "claim": f"c{c}",
            "source": f"src{rng.randrange(n_sources)}",
            "stance": "asserts",
            "date": f"2024-06-{day:02d}",
        }
        if c % 2 == 0:
            second["derives_from"] = [f"s{c}a"]
            second["via"] = "relays"
        else:
            second["stance"] = rng.choice(("asserts", "asserts", "denies"))
        out["statements"].append(second)
        if c % 100 == 0:
            out["statements"].append(
                {
                    "id": f"s{c}r",
                    "claim": f"c{c}",
                    "source": first_source,
                    "stance": "retracts",
                    "date": "2024-07-01",
                    "target": f"s{c}a",
                }
            )
        if c % 50 == 1:
            out["links"].append(
                {
                    "id": f"same{c}",
                    "subject": f"c{c}",
                    "relation": "same_as",
                    "object": f"c{c - 1}",
                }
            )
    return out


def record(rows_by_kind: dict[str, list[dict[str, Any]]]) -> ct.ClaimSet:
    """Build a claim set from the rows through the public recording API."""
    cs = ct.ClaimSet()
    for source in rows_by_kind["sources"]:
        cs.record_source(**source)
    for claim in rows_by_kind["claims"]:
        cs.record_claim(**claim)
    for link in rows_by_kind["links"]:
        cs.link(**link)
    for statement in rows_by_kind["statements"]:
        cs.record_statement(**statement)
    return cs


def records(claims: int, *, seed: int = 2025) -> list[ct.Record]:
    """The workload's records, in a valid recording order."""
    return list(record(rows(claims, seed=seed)))


def build(claims: int, *, seed: int = 2025) -> ct.ClaimSet:
    """The workload as a claim set."""
    return record(rows(claims, seed=seed))
