# SPDX-License-Identifier: MIT
"""
Time the hostile shapes of issue 14 at n and 10n, and print their growth.

Usage: python benchmarks/hostile.py [--n 1000] [--factor 10]
                                    [--shapes ring dated_ring ...]

Each shape is an input built to make a path grow faster than its input
(an affiliation ring, a relay web, one large ``same_as`` class...). It is
timed at *n* and at *factor* times *n*, one run each, and the table says
how much longer the larger one took: about *factor* (or a little more)
for a linear or n log n path, *factor* squared for a quadratic one. The
sizes in the table are the *n* of each shape (see `SHAPES` for what it
counts). Figures go into docs/performance.md, never into tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import platform
import sys
import time

from collections.abc import Callable

import claimtrack as ct


Action = Callable[[], object]


def _day(number: int) -> str:
    return (dt.date(2000, 1, 1) + dt.timedelta(days=number)).isoformat()


def _sources(count: int, prefix: str) -> list[ct.Source]:
    return [
        ct.Source(id=f"{prefix}{i}", name=f"{prefix}{i}") for i in range(count)
    ]


def ring(n: int, *, dated: bool = False) -> Action:
    """`validate` on a ring of *n* ``part_of`` links (rejected)."""
    records: list[ct.Record] = [*_sources(n, "s")]
    records += [
        ct.Link(
            id=f"l{i}",
            subject=f"s{i}",
            relation="part_of",
            object=f"s{(i + 1) % n}",
            valid_from=_day(i) if dated else None,
        )
        for i in range(n)
    ]
    return lambda: ct.ClaimSet().validate(records)


def dated_ring(n: int) -> Action:
    """`validate` on a ring of *n* dated ``part_of`` links (rejected)."""
    return ring(n, dated=True)


def relay_web(n: int) -> Action:
    """`record_many` of *n* statements, s(i) deriving from s(i+1) and s0."""
    records: list[ct.Record] = [
        ct.Source(id="x", name="x"),
        ct.Claim(id="c", text="c"),
    ]
    for i in range(n):
        parents = [f"s{i + 1}"] if i + 1 < n else []
        if i:
            parents.append("s0")
        records.append(
            ct.Statement(
                id=f"s{i}", claim="c", source="x", derives_from=parents
            )
        )

    def action() -> int:
        try:
            ct.ClaimSet().record_many(records)
        except ct.exceptions.RelayCycleError as error:
            return len(str(error))
        raise AssertionError("no cycle found")

    return action


def same_as_pairs(n: int) -> Action:
    """`link(b, "same_as", a)` one at a time over *n* independent pairs."""
    claim_set = ct.ClaimSet()
    claim_set.record_many([*_sources(n, "a"), *_sources(n, "b")])

    def action() -> None:
        for i in range(n):
            claim_set.link(f"b{i}", "same_as", f"a{i}")

    return action


def same_as_class(n: int) -> Action:
    """*n* records of one source (``same_as``), each ``part_of`` another."""
    claim_set = ct.ClaimSet()
    claim_set.record_many([*_sources(n, "r"), *_sources(n, "o")])

    def action() -> None:
        for i in range(1, n):
            claim_set.link(f"r{i}", "same_as", "r0")
            claim_set.link(f"r{i}", "part_of", f"o{i}")

    return action


def units_under_chain(n: int) -> Action:
    """*n* units, each with a child, linked one at a time under a chain."""
    claim_set = ct.ClaimSet()
    claim_set.record_many(
        [
            *_sources(n, "c"),
            *_sources(n, "u"),
            *_sources(n, "k"),
            *(
                ct.Link(
                    id=f"c{i}^",
                    subject=f"c{i}",
                    relation="part_of",
                    object=f"c{i + 1}",
                )
                for i in range(n - 1)
            ),
            *(
                ct.Link(
                    id=f"k{i}^",
                    subject=f"k{i}",
                    relation="part_of",
                    object=f"u{i}",
                )
                for i in range(n)
            ),
        ]
    )

    def action() -> None:
        for i in range(n):
            claim_set.link(f"u{i}", "part_of", "c0")

    return action


def dated_hub(n: int) -> Action:
    """`reports()`: a hub with *n* dated memberships, n / 5 claims."""
    claim_set = ct.ClaimSet()
    records: list[ct.Record] = [
        ct.Source(id="hub", name="hub"),
        *_sources(n, "o"),
        *_sources(n // 5, "w"),
    ]
    records += [
        ct.Link(
            id=f"m{j}",
            subject="hub",
            relation="member_of",
            object=f"o{j}",
            valid_from=_day(2 * j),
            valid_to=_day(2 * j + 1),
        )
        for j in range(n)
    ]
    for k in range(n // 5):
        records += [
            ct.Link(
                id=f"w{k}^", subject=f"w{k}", relation="part_of", object="o3"
            ),
            ct.Claim(id=f"c{k}", text=f"c{k}"),
            ct.Statement(
                id=f"hub{k}", claim=f"c{k}", source="hub", date=_day(k % 50)
            ),
            ct.Statement(
                id=f"said{k}", claim=f"c{k}", source=f"w{k}", date=_day(k % 50)
            ),
        ]
    claim_set.record_many(records)
    return claim_set.reports


def same_as_claims(n: int) -> Action:
    """`reports()` for *n* claims in one ``same_as`` class."""
    claim_set = ct.ClaimSet()
    records: list[ct.Record] = [*_sources(n, "s")]
    records += [ct.Claim(id=f"c{i}", text=f"c{i}") for i in range(n)]
    records += [
        ct.Statement(id=f"t{i}", claim=f"c{i}", source=f"s{i}")
        for i in range(n)
    ]
    records += [
        ct.Link(id=f"c{i}=", subject=f"c{i}", relation="same_as", object="c0")
        for i in range(1, n)
    ]
    claim_set.record_many(records)
    return claim_set.reports


def deep_chain(n: int) -> Action:
    """`corroboration` and `explain()`: an origin at each of *n* levels."""
    claim_set = ct.ClaimSet()
    claim_set.record_many(_chain(n, "part_of"))
    return lambda: claim_set.corroboration("c").explain()


def _chain(n: int, relation: str) -> list[ct.Record]:
    """*n* levels linked by *relation*, with an origin at every level."""
    records: list[ct.Record] = [*_sources(n, "l"), ct.Claim(id="c", text="c")]
    records += [
        ct.Link(
            id=f"l{i}^",
            subject=f"l{i}",
            relation=relation,
            object=f"l{i + 1}",
        )
        for i in range(n - 1)
    ]
    records += [
        ct.Statement(id=f"t{i}", claim="c", source=f"l{i}") for i in range(n)
    ]
    return records


def member_chain(n: int) -> Action:
    """`corroboration`: an origin at each of *n* ``member_of`` levels."""
    claim_set = ct.ClaimSet()
    claim_set.record_many(_chain(n, "member_of"))
    return lambda: claim_set.corroboration("c")


def co_members(n: int) -> Action:
    """`corroboration`: *n* origins, members of the foot of an n-deep chain."""
    claim_set = ct.ClaimSet()
    records = _chain(n, "member_of")
    records = [r for r in records if not isinstance(r, ct.Statement)]
    records += _sources(n, "m")
    records += [
        ct.Link(
            id=f"m{i}^", subject=f"m{i}", relation="member_of", object="l0"
        )
        for i in range(n)
    ]
    records += [
        ct.Statement(id=f"t{i}", claim="c", source=f"m{i}") for i in range(n)
    ]
    claim_set.record_many(records)
    return lambda: claim_set.corroboration("c")


def dated_chain(n: int) -> Action:
    """`corroboration`: *n* levels, each linked and speaking on its own day."""
    claim_set = ct.ClaimSet()
    records: list[ct.Record] = [*_sources(n, "l"), ct.Claim(id="c", text="c")]
    records += [
        ct.Link(
            id=f"l{i}^",
            subject=f"l{i}",
            relation="part_of",
            object=f"l{i + 1}",
            valid_from=_day(i),
        )
        for i in range(n - 1)
    ]
    records += [
        ct.Statement(id=f"t{i}", claim="c", source=f"l{i}", date=_day(i))
        for i in range(n)
    ]
    claim_set.record_many(records)
    return lambda: claim_set.corroboration("c")


def relayed_chain(n: int) -> Action:
    """`corroboration`: an origin at each of *n* levels, and one relay."""
    claim_set = ct.ClaimSet()
    claim_set.record_many(
        [
            *_chain(n, "part_of"),
            ct.Source(id="desk", name="desk"),
            ct.Link(
                id="desk^", subject="desk", relation="part_of", object="l0"
            ),
            ct.Statement(
                id="relay", claim="c", source="desk", derives_from=["t0"]
            ),
        ]
    )
    return lambda: claim_set.corroboration("c")


def explain_relays(n: int) -> Action:
    """`explain()` of a claim relayed *n* times by sources under the origin."""
    claim_set = ct.ClaimSet()
    records: list[ct.Record] = [
        ct.Source(id="origin", name="origin"),
        *_sources(n, "q"),
        ct.Claim(id="c", text="c"),
        ct.Statement(id="s", claim="c", source="origin"),
    ]
    records += [
        ct.Link(
            id=f"q{i}^", subject=f"q{i}", relation="part_of", object="origin"
        )
        for i in range(n)
    ]
    records += [
        ct.Statement(id=f"r{i}", claim="c", source=f"q{i}", derives_from=["s"])
        for i in range(n)
    ]
    claim_set.record_many(records)
    return lambda: claim_set.corroboration("c").explain()


SHAPES: dict[str, tuple[Callable[[int], Action], int]] = {
    "ring": (ring, 8_000),
    "dated_ring": (dated_ring, 8_000),
    "relay_web": (relay_web, 2_000),
    "same_as_pairs": (same_as_pairs, 16_000),
    "same_as_class": (same_as_class, 4_000),
    "units_under_chain": (units_under_chain, 4_000),
    "dated_hub": (dated_hub, 10_000),
    "same_as_claims": (same_as_claims, 4_000),
    "deep_chain": (deep_chain, 5_000),
    "explain_relays": (explain_relays, 10_000),
    "member_chain": (member_chain, 2_000),
    "relayed_chain": (relayed_chain, 2_000),
    "co_members": (co_members, 2_000),
    "dated_chain": (dated_chain, 2_000),
}
"""Each shape's builder and its default *n* (the larger size is 10n)."""


def seconds(shape: Callable[[int], Action], n: int) -> float:
    """
    Build *shape* at *n*, then time its action once.

    The cyclic garbage collector is paused while the action runs (as
    `record_many`, `from_json` and `reports()` pause it themselves), so
    the growth measured is the algorithm's, not the collector's rescans
    of everything built so far.
    """
    action = shape(n)
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start
    finally:
        gc.enable()


def main() -> None:
    """Time each chosen shape at n and factor times n; print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n",
        type=int,
        help="the smaller size of every shape (default: each shape's own)",
    )
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES))
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"claimtrack {ct.__version__}; one run per size\n"
    )
    print(f"| shape | n | time at n | time at {args.factor}n | growth |")
    print("|---|---:|---:|---:|---:|")
    for name in args.shapes or SHAPES:
        shape, default = SHAPES[name]
        n = args.n or default
        small = seconds(shape, n)
        large = seconds(shape, n * args.factor)
        print(
            f"| {name} | {n:,} | {small:.3f} s | {large:.3f} s | "
            f"{large / max(small, 1e-9):.1f}x |",
            flush=True,
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
