"""
Tests for inputs shaped to make a path grow faster than its input.

Each test builds, through the public API, a shape at a size where the
path before issue 14 took minutes (the figure is in its docstring), and
checks the answer; none of them measures time. `benchmarks/hostile.py`
measures the growth of the same shapes.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from pathlib import Path

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct


def day(number: int) -> str:
    """The ISO date *number* days after 1 January 2000."""
    return (dt.date(2000, 1, 1) + dt.timedelta(days=number)).isoformat()


def sources(count: int, prefix: str, suffix: str = "") -> list[ct.Source]:
    """*count* sources named *prefix*, a number and *suffix*."""
    return [
        ct.Source(id=f"{prefix}{i}{suffix}", name=f"{prefix}{i}")
        for i in range(count)
    ]


def part_of(subject: str, obj: str, **dates: str) -> ct.Link:
    """A ``part_of`` link with an id made from its ends."""
    return linked(subject, "part_of", obj, **dates)


def linked(subject: str, relation: str, obj: str, **dates: str) -> ct.Link:
    """A link of *relation* with an id made from its ends."""
    return ct.Link(
        id=f"{subject}^{obj}",
        subject=subject,
        relation=relation,
        object=obj,
        **dates,
    )


def chain(
    n: int, relation: str = "part_of", *, daily: bool = False
) -> list[ct.Record]:
    """
    *n* levels linked by *relation*, an origin at every level.

    With *daily*, level *i* speaks on day *i* and its link up holds from
    that day; otherwise nothing is dated.
    """
    return [
        *sources(n, "l"),
        ct.Claim(id="c", text="c"),
        *(
            linked(
                f"l{i}",
                relation,
                f"l{i + 1}",
                **({"valid_from": day(i)} if daily else {}),
            )
            for i in range(n - 1)
        ),
        *(
            ct.Statement(
                id=f"t{i}",
                claim="c",
                source=f"l{i}",
                date=day(i) if daily else None,
            )
            for i in range(n)
        ),
    ]


class TestAffiliationCycles:
    def test_a_long_ring_is_named_once(self) -> None:
        """An 8,000-link part_of ring is one cycle (105 s before)."""
        n = 8_000
        records: list[ct.Record] = [*sources(n, "s")]
        records += [part_of(f"s{i}", f"s{(i + 1) % n}") for i in range(n)]

        (finding,) = ct.ClaimSet().validate(records)

        assert isinstance(finding.error, ct.AffiliationCycleError)
        assert len(finding.error.links) == n
        assert sorted(finding.error.cycle) == sorted(f"s{i}" for i in range(n))

    def test_the_message_of_a_long_ring_of_long_ids_stays_short(
        self,
    ) -> None:
        """The message shows the ends of the ring, each id clipped."""
        n, tail = 8_000, "x" * 10_000
        records: list[ct.Record] = [*sources(n, "s", tail)]
        records += [
            part_of(f"s{i}{tail}", f"s{(i + 1) % n}{tail}") for i in range(n)
        ]

        (finding,) = ct.ClaimSet().validate(records)

        message = str(finding.error)
        assert len(message) < 4_000
        assert f"({n + 1 - 12} more)" in message
        assert len(finding.error.links) == n

    def test_a_long_dated_ring_is_named_once(self) -> None:
        """2,000 dated links in a ring at one time (800: 117 s before)."""
        n = 2_000
        records: list[ct.Record] = [*sources(n, "s")]
        records += [
            part_of(f"s{i}", f"s{(i + 1) % n}", valid_from=day(i))
            for i in range(n)
        ]

        (finding,) = ct.ClaimSet().validate(records)

        assert isinstance(finding.error, ct.AffiliationCycleError)
        assert len(finding.error.links) == n

    def test_a_dated_ring_never_whole_at_one_time(self) -> None:
        """A ring whose links never all hold at once is no cycle."""
        n = 200
        records: list[ct.Record] = [*sources(n, "s")]
        records += [
            part_of(
                f"s{i}",
                f"s{(i + 1) % n}",
                valid_from=day(2 * i),
                valid_to=day(2 * i + 3),
            )
            for i in range(n)
        ]

        assert ct.ClaimSet().validate(records) == []

    def test_units_joined_under_a_deep_chain(self) -> None:
        """4,000 units with a child, linked one at a time (54 s before)."""
        n = 4_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(
            [
                *sources(n, "c"),
                *sources(n, "u"),
                *sources(n, "k"),
                *(part_of(f"c{i}", f"c{i + 1}") for i in range(n - 1)),
                *(part_of(f"k{i}", f"u{i}") for i in range(n)),
            ]
        )

        for i in range(n):
            claim_set.link(f"u{i}", "part_of", "c0")

        assert not claim_set.independent(f"k{n - 1}", f"c{n - 1}")
        with pytest.raises(ct.AffiliationCycleError) as info:
            claim_set.link(f"c{n - 1}", "part_of", "k0")
        assert len(info.value.links) == n + 2


class TestRelayCycles:
    def test_a_web_of_cycles_gives_one_short_error(self) -> None:
        """s(i) derives from s(i+1) and s0: one cycle named, others counted."""
        n = 3_000
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

        (finding,) = ct.ClaimSet().validate(records)

        error = finding.error
        assert isinstance(error, ct.RelayCycleError)
        assert error.cycle == ("s0", "s1")
        assert error.others == (2 * n - 2) - 2
        assert len(str(error)) < 2_000
        assert str(error).endswith(
            f"({2 * n - 4} other derivations lie on cycles)"
        )

    def test_a_long_cycle_is_shortened_in_the_message(self) -> None:
        """A cycle of 10,000 statements keeps its ids, not its message."""
        n = 10_000
        records: list[ct.Record] = [
            ct.Source(id="x", name="x"),
            ct.Claim(id="c", text="c"),
        ]
        records += [
            ct.Statement(
                id=f"s{i}",
                claim="c",
                source="x",
                derives_from=[f"s{(i + 1) % n}"],
            )
            for i in range(n)
        ]
        claim_set = ct.ClaimSet()

        with pytest.raises(ct.RelayCycleError) as info:
            claim_set.record_many(records)
        assert len(info.value.cycle) == n
        assert info.value.others == 0
        assert f"({n + 1 - 12} more)" in str(info.value)
        assert len(str(info.value)) < 1_000
        assert len(claim_set) == 0


class TestSameAsSources:
    def test_pairs_linked_one_at_a_time(self) -> None:
        """8,000 same_as links one at a time (16,000 pairs: 68 s before)."""
        n = 8_000
        claim_set = ct.ClaimSet()
        claim_set.record_many([*sources(n, "a"), *sources(n, "b")])

        for i in range(n):
            claim_set.link(f"b{i}", "same_as", f"a{i}")

        assert claim_set.independent("a0", "b0").tie is ct.Tie.SAME_SOURCE
        assert claim_set.independent("a0", "b1")

    def test_one_large_class_with_affiliations(self) -> None:
        """1,000 records of one source, each part_of another (21.6 s)."""
        n = 1_000
        claim_set = ct.ClaimSet()
        claim_set.record_many([*sources(n, "r"), *sources(n, "o")])

        for i in range(1, n):
            claim_set.link(f"r{i}", "same_as", "r0")
            claim_set.link(f"r{i}", "part_of", f"o{i}")

        assert not claim_set.independent("r5", f"o{n - 1}")
        with pytest.raises(ct.AffiliationCycleError) as info:
            claim_set.link("o1", "part_of", "r7")
        assert set(info.value.cycle) == {"o1", "r1"}

    def test_a_merge_closes_a_cycle_of_old_links(self) -> None:
        """A same_as joining two ends of a long chain closes a cycle."""
        n = 2_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(
            [
                *sources(n, "c"),
                *(part_of(f"c{i}", f"c{i + 1}") for i in range(n - 1)),
            ]
        )
        for i in range(n):  # a large class at the top of the chain
            claim_set.record_source(f"top{i}", name="top")
            claim_set.link(f"top{i}", "same_as", f"c{n - 1}")

        with pytest.raises(ct.AffiliationCycleError) as info:
            claim_set.link("c0", "same_as", f"c{n - 1}")
        assert len(info.value.links) == n - 1


class TestAnswers:
    def test_hub_with_many_dated_affiliations(self) -> None:
        """A hub in 10,000 dated memberships, 2,000 claims (68 s before)."""
        n = 10_000
        records: list[ct.Record] = [
            ct.Source(id="hub", name="hub"),
            *sources(n, "o"),
            *sources(n // 5, "w"),
        ]
        records += [
            ct.Link(
                id=f"m{j}",
                subject="hub",
                relation="member_of",
                object=f"o{j}",
                valid_from=day(2 * j),
                valid_to=day(2 * j + 1),
            )
            for j in range(n)
        ]
        for k in range(n // 5):
            records += [
                part_of(f"w{k}", "o3"),
                ct.Claim(id=f"c{k}", text=f"c{k}"),
                ct.Statement(
                    id=f"hub{k}", claim=f"c{k}", source="hub", date=day(k % 10)
                ),
                ct.Statement(
                    id=f"said{k}",
                    claim=f"c{k}",
                    source=f"w{k}",
                    date=day(k % 10),
                ),
            ]
        claim_set = ct.ClaimSet()
        claim_set.record_many(records)

        reports = claim_set.reports()

        # Only on day 6 is the hub a member of o3, which the others are in.
        single = {r.claim for r in reports if not r.corroborated}
        assert single == {f"c{k}" for k in range(6, n // 5, 10)}

    def test_one_large_same_as_class_of_claims(self) -> None:
        """reports() for 4,000 claims in one same_as class (96 s before)."""
        n = 4_000
        records: list[ct.Record] = [*sources(n, "s")]
        records += [ct.Claim(id=f"c{i}", text=f"c{i}") for i in range(n)]
        records += [
            ct.Statement(id=f"t{i}", claim=f"c{i}", source=f"s{i}")
            for i in range(n)
        ]
        records += [
            ct.Link(
                id=f"c{i}=", subject=f"c{i}", relation="same_as", object="c0"
            )
            for i in range(1, n)
        ]
        claim_set = ct.ClaimSet()
        claim_set.record_many(records)

        reports = claim_set.reports()

        assert [r.claim for r in reports[:3]] == ["c0", "c1", "c2"]
        assert {len(r.asserting_groups) for r in reports} == {n}
        assert reports[7] == claim_set.corroboration("c7")

    def test_explaining_many_relays_under_the_origin(self) -> None:
        """explain() with 30,000 relays tied to the origin (100,000: 259 s)."""
        n = 30_000
        records: list[ct.Record] = [
            ct.Source(id="origin", name="origin"),
            *sources(n, "q"),
            ct.Claim(id="c", text="c"),
            ct.Statement(id="s", claim="c", source="origin"),
        ]
        records += [part_of(f"q{i}", "origin") for i in range(n)]
        records += [
            ct.Statement(
                id=f"r{i}", claim="c", source=f"q{i}", derives_from=["s"]
            )
            for i in range(n)
        ]
        claim_set = ct.ClaimSet()
        claim_set.record_many(records)

        text = claim_set.corroboration("c").explain()

        assert text.count("in its own voice it would not be") == n


def _cycle_at_one_time(links: list[ct.Link]) -> bool:
    """Brute force: do hierarchical links, same_as merged, close a cycle?"""
    # same_as classes, named by one member each.
    root: dict[str, str] = {name: name for name in _NAMES}
    for lk in links:
        if lk.relation is ct.Relation.SAME_AS:
            old, new = root[lk.object], root[lk.subject]
            root = {n: new if r == old else r for n, r in root.items()}
    affiliations = [
        lk for lk in links if lk.relation is not ct.Relation.SAME_AS
    ]
    if any(root[lk.subject] == root[lk.object] for lk in affiliations):
        return True  # a link within one source is refused, dated or not
    # A cycle holding at one time holds at the latest start of its links
    # (or, for an imprecise start, its last day).
    starts = [lk.valid_from for lk in links if lk.valid_from is not None]
    instants: list[ct.PartialDate | None] = [None, *starts]
    instants += [
        ct.PartialDate(dt.date.fromisoformat(_last_day(d)), ct.Precision.DAY)
        for d in starts
    ]
    for instant in instants:
        edges: dict[str, set[str]] = {name: set() for name in _NAMES}
        for lk in affiliations:
            # None is the unbounded past, when only links with no start
            # certainly hold.
            if (
                lk.valid_from is None
                if instant is None
                else lk.holds_at(instant, certain=True)
            ):
                edges[root[lk.subject]].add(root[lk.object])
        for start, targets in edges.items():
            seen, stack = set(), list(targets)
            while stack:
                node = stack.pop()
                if node == start:
                    return True
                if node not in seen:
                    seen.add(node)
                    stack.extend(edges[node])
    return False


def _last_day(date: ct.PartialDate) -> str:
    text = str(date)
    if len(text) == 4:
        return f"{text}-12-31"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return text[:10]


_NAMES = ["a", "b", "c", "d", "e"]
_DATES = [None, "2020", "2020-06", "2020-06-15", "2021", "2021-03-01"]


@st.composite
def _affiliations(draw: st.DrawFn) -> list[ct.Link]:
    links = []
    for number in range(draw(st.integers(0, 9))):
        subject, obj = (
            draw(st.sampled_from(_NAMES)),
            draw(st.sampled_from(_NAMES)),
        )
        if draw(st.integers(0, 5)) == 0:
            if subject != obj:
                links.append(
                    ct.Link(
                        id=f"l{number}",
                        subject=subject,
                        relation="same_as",
                        object=obj,
                    )
                )
            continue
        start, end = (
            draw(st.sampled_from(_DATES)),
            draw(st.sampled_from(_DATES)),
        )
        if start and end and start >= end:
            start = None
        links.append(
            ct.Link(
                id=f"l{number}",
                subject=subject,
                relation=draw(st.sampled_from(["part_of", "member_of"])),
                object=obj,
                valid_from=start,
                valid_to=end,
            )
        )
    return links


class TestCyclesAgainstBruteForce:
    @given(_affiliations())
    def test_a_batch_is_refused_exactly_when_it_closes_a_cycle(
        self, links: list[ct.Link]
    ) -> None:
        """validate() finds a cycle exactly when one holds at one time."""
        records: list[ct.Record] = [
            ct.Source(id=name, name=name) for name in _NAMES
        ]
        found = ct.ClaimSet().validate([*records, *links])

        cycles = [
            f for f in found if isinstance(f.error, ct.AffiliationCycleError)
        ]
        assert bool(cycles) == _cycle_at_one_time(links)

    @given(_affiliations())
    def test_links_one_at_a_time_are_refused_exactly_on_a_cycle(
        self, links: list[ct.Link]
    ) -> None:
        """link() refuses exactly the links that would close a cycle."""
        claim_set = ct.ClaimSet()
        for name in _NAMES:
            claim_set.record_source(name, name=name)
        kept: list[ct.Link] = []
        for link in links:
            closes = _cycle_at_one_time([*kept, link])
            try:
                claim_set.record(link)
            except ct.AffiliationCycleError:
                assert closes
            except ct.InvalidValueError:
                continue  # a link from a source to itself is refused
            else:
                assert not closes
                kept.append(link)


def test_the_benchmark_runs() -> None:
    """benchmarks/hostile.py times every shape at a tiny size."""
    script = Path(__file__).parent.parent / "benchmarks" / "hostile.py"
    done = subprocess.run(
        [sys.executable, str(script), "--n", "20", "--factor", "2"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "| shape | n | time at n | time at 2n | growth |" in done.stdout
    assert done.stdout.count("| 20 |") == 14


class TestOriginsUpADeepChain:
    def test_an_origin_at_every_level(self) -> None:
        """10,000 levels, each with an origin (5,000 levels: 19 s before)."""
        n = 10_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(
            [
                *sources(n, "l"),
                ct.Claim(id="c", text="c"),
                *(part_of(f"l{i}", f"l{i + 1}") for i in range(n - 1)),
                *(
                    ct.Statement(
                        id=f"t{i}", claim="c", source=f"l{i}", date=day(i)
                    )
                    for i in range(n)
                ),
            ]
        )

        report = claim_set.corroboration("c")

        (group,) = report.asserting_groups
        assert len(group.origins) == n
        # One tie per origin that joined, each to the origin just above:
        # before, every origin was tied to t0, by all the links between.
        assert len(group.ties) == n - 1
        assert {len(tie.links) for tie in group.ties} == {1}
        text = report.explain()
        assert "l0 and l1 are tied: l0 part_of l1" in text
        assert text.count("\n  one voice: ") == n - 1

    def test_dated_levels_at_dates_alike(self) -> None:
        """Every level dated, each origin on its own day: all share a walk."""
        n = 3_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(
            [
                *sources(n, "l"),
                ct.Claim(id="c", text="c"),
                *(
                    part_of(f"l{i}", f"l{i + 1}", valid_from=day(0))
                    for i in range(n - 1)
                ),
                part_of(f"l{n - 1}", "top", valid_from=day(n // 2)),
                ct.Source(id="top", name="top"),
                *(
                    ct.Statement(
                        id=f"t{i}", claim="c", source=f"l{i}", date=day(i)
                    )
                    for i in range(n)
                ),
                ct.Statement(id="above", claim="c", source="top"),
            ]
        )

        report = claim_set.corroboration("c")

        # The top joins only origins dated once l(n-1) is part of it,
        # which ties it to the whole chain.
        (group,) = report.asserting_groups
        assert len(group.origins) == n + 1
        assert sum(len(tie.links) for tie in group.ties) == n

    @pytest.mark.parametrize("relation", ["member_of", "funded_by"])
    def test_an_origin_at_every_level_of_memberships(
        self, relation: str
    ) -> None:
        """10,000 ``member_of`` levels, each with an origin (2,000: 4.8 s)."""
        n = 10_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(chain(n, relation))

        report = claim_set.corroboration("c")

        # Each level belongs to the one above: one group, each origin tied
        # to the one just above it.
        (group,) = report.asserting_groups
        assert len(group.origins) == n
        assert len(group.ties) == n - 1
        assert {len(tie.links) for tie in group.ties} == {1}
        assert {tie.tie for tie in group.ties} == {ct.Tie.MEMBERSHIP}

    def test_co_members_under_a_long_chain(self) -> None:
        """5,000 members of the foot of a 5,000-deep chain (1,000: 1.6 s)."""
        n = 5_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(
            [
                *sources(n, "l"),
                *sources(n, "m"),
                ct.Claim(id="c", text="c"),
                *(
                    linked(f"l{i}", "member_of", f"l{i + 1}")
                    for i in range(n - 1)
                ),
                *(linked(f"m{i}", "member_of", "l0") for i in range(n)),
                *(
                    ct.Statement(id=f"t{i}", claim="c", source=f"m{i}")
                    for i in range(n)
                ),
            ]
        )

        report = claim_set.corroboration("c")

        # Co-members are independent (before, each walked the chain).
        assert len(report.asserting_groups) == n
        assert report.status is ct.EvidenceStatus.CORROBORATED

    def test_a_relay_under_an_origin_at_every_level(self) -> None:
        """10,000 levels with an origin each, and a relay (2,000: 3.1 s)."""
        n = 10_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(
            [
                *chain(n),
                ct.Source(id="desk", name="desk"),
                part_of("desk", "l0"),
                ct.Statement(
                    id="relay", claim="c", source="desk", derives_from=["t5"]
                ),
            ]
        )

        report = claim_set.corroboration("c")

        (group,) = report.asserting_groups
        assert [s.id for s in group.carriers] == ["relay"]
        # Tied to the origin just above the desk (before, to t0 by way of
        # every closure in the chain).
        (tie,) = group.carrier_ties
        assert tie.path == ("desk", "l0")

    def test_each_level_dated_on_its_own_day(self) -> None:
        """10,000 levels each linked on its own day (800: 1.0 s before)."""
        n = 10_000
        claim_set = ct.ClaimSet()
        claim_set.record_many(chain(n, daily=True))

        report = claim_set.corroboration("c")

        # Each origin sees only the link above its own level (the next one
        # starts the day after): tied to the origin just above it.
        (group,) = report.asserting_groups
        assert len(group.origins) == n
        assert {len(tie.links) for tie in group.ties} == {1}
        assert len(group.ties) == n - 1
