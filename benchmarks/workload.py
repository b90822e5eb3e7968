# SPDX-License-Identifier: MIT
"""
A deterministic benchmark workload: a claim set of N claims.

N/10 sources in an affiliation forest (control and membership links, some
dated), two statements per claim of which half relay the other, a few
retractions and same_as links between claims.
"""

from __future__ import annotations

import random

import claimtrack as ct


__all__ = ["build", "records"]

_CONTROL = ("part_of", "controlled_by", "owned_by")


def records(claims: int, *, seed: int = 2025) -> list[ct.Record]:
    """The workload's records, in a valid recording order."""
    rng = random.Random(seed)
    n_sources = max(10, claims // 10)
    out: list[ct.Record] = [
        ct.Source(
            id=f"src{i}",
            name=f"Source {i}",
            kind=rng.choice(("news_outlet", "ministry", "ngo", "person")),
            reliability=rng.choice((None, "A", "B", "C", "D", "E", "F")),
        )
        for i in range(n_sources)
    ]
    for i in range(1, n_sources):
        if rng.random() < 0.6:
            parent = rng.randrange(max(0, i - 50), i)
            relation = (
                rng.choice(_CONTROL) if rng.random() < 0.7 else "member_of"
            )
            dated = rng.random() < 0.3
            out.append(
                ct.Link(
                    id=f"link{i}",
                    subject=f"src{i}",
                    relation=relation,
                    object=f"src{parent}",
                    valid_from="2020-01-01" if dated else None,
                )
            )
    for c in range(claims):
        out.append(
            ct.Claim(id=f"c{c}", text=f"Claim number {c} about place {c % 97}")
        )
        day = 1 + c % 28
        first_source = f"src{rng.randrange(n_sources)}"
        out.append(
            ct.Statement(
                id=f"s{c}a",
                claim=f"c{c}",
                source=first_source,
                date=f"2024-05-{day:02d}",
            )
        )
        if c % 2 == 0:
            out.append(
                ct.Statement(
                    id=f"s{c}b",
                    claim=f"c{c}",
                    source=f"src{rng.randrange(n_sources)}",
                    date=f"2024-06-{day:02d}",
                    derives_from=[f"s{c}a"],
                    via="relays",
                )
            )
        else:
            out.append(
                ct.Statement(
                    id=f"s{c}b",
                    claim=f"c{c}",
                    source=f"src{rng.randrange(n_sources)}",
                    date=f"2024-06-{day:02d}",
                    stance=rng.choice(("asserts", "asserts", "denies")),
                )
            )
        if c % 100 == 0:
            out.append(
                ct.Statement(
                    id=f"s{c}r",
                    claim=f"c{c}",
                    source=first_source,
                    stance="retracts",
                    target=f"s{c}a",
                    date="2024-07-01",
                )
            )
        if c % 50 == 1:
            out.append(
                ct.Link(
                    id=f"same{c}",
                    subject=f"c{c}",
                    relation="same_as",
                    object=f"c{c - 1}",
                )
            )
    return out


def build(claims: int, *, seed: int = 2025) -> ct.ClaimSet:
    """The workload as a claim set, recorded through `record_many`."""
    cs = ct.ClaimSet()
    cs.record_many(records(claims, seed=seed))
    return cs
