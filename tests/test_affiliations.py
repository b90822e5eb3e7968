# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._affiliations`: same_as classes, links and cycles."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct

from .conftest import refuse


class TestAffiliationCycles:
    @pytest.fixture(name="trio")
    def _trio(self) -> ct.ClaimSet:
        """Three unlinked sources x, y and z."""
        cs = ct.ClaimSet()
        for id in ("x", "y", "z"):
            cs.record_source(id, name=id.upper())
        return cs

    def test_source_part_of_itself(self, cs: ct.ClaimSet) -> None:
        """A source part of itself is a cycle of one link."""
        info = refuse(
            cs,
            ct.AffiliationCycleError,
            lambda: cs.link("army", "part_of", "army"),
        )
        assert info.value.cycle == ("army",)  # type: ignore[attr-defined]

    def test_two_way_part_of(self, trio: ct.ClaimSet) -> None:
        """Two sources cannot each be part of the other at once."""
        trio.link("x", "part_of", "y", id="xy")
        info = refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "part_of", "x", id="yx"),
        )
        assert set(info.value.cycle) == {"x", "y"}  # type: ignore[attr-defined]
        assert set(info.value.links) == {"xy", "yx"}  # type: ignore[attr-defined]

    def test_three_links_of_mixed_hierarchy(self, trio: ct.ClaimSet) -> None:
        """Any hierarchical relations can close a cycle."""
        trio.link("x", "controlled_by", "y", id="xy")
        trio.link("y", "owned_by", "z", id="yz")
        info = refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("z", "speaks_for", "x", id="zx"),
        )
        assert set(info.value.links) == {"xy", "yz", "zx"}  # type: ignore[attr-defined]
        assert set(info.value.cycle) == {"x", "y", "z"}  # type: ignore[attr-defined]

    @pytest.mark.parametrize("relation", ["funded_by", "copies_from"])
    def test_non_hierarchical_relations_may_go_both_ways(
        self, trio: ct.ClaimSet, relation: str
    ) -> None:
        """Funding and copying may run in both directions."""
        trio.link("x", relation, "y")
        trio.link("y", relation, "x")
        assert len(trio.links) == 2

    def test_closed_by_same_as(self, trio: ct.ClaimSet) -> None:
        """Declaring z the same as x closes x -> y -> z."""
        trio.link("x", "part_of", "y")
        trio.link("y", "part_of", "z")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("z", "same_as", "x"),
        )

    def test_same_as_over_a_direct_link(self, trio: ct.ClaimSet) -> None:
        """Merging a unit with the body it is part of is a cycle."""
        trio.link("x", "part_of", "y")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("x", "same_as", "y"),
        )

    def test_closed_through_an_existing_same_as(
        self, trio: ct.ClaimSet
    ) -> None:
        """A link to a same_as twin of the subject closes a cycle."""
        trio.link("z", "same_as", "x")
        trio.link("x", "part_of", "y")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "member_of", "z"),
        )

    def test_closed_inside_record_many(self, trio: ct.ClaimSet) -> None:
        """A batch whose links form a cycle is refused whole."""
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.record_many(
                [
                    ct.Link(
                        id="a", subject="x", relation="part_of", object="y"
                    ),
                    ct.Link(
                        id="b", subject="y", relation="part_of", object="z"
                    ),
                    ct.Link(
                        id="c", subject="z", relation="part_of", object="x"
                    ),
                ]
            ),
        )

    def test_closed_by_same_as_inside_record_many(
        self, trio: ct.ClaimSet
    ) -> None:
        """A batch whose same_as closes a cycle is refused."""
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.record_many(
                [
                    ct.Source(id="x2", name="X again"),
                    ct.Link(
                        id="a", subject="x", relation="part_of", object="y"
                    ),
                    ct.Link(
                        id="b", subject="y", relation="part_of", object="x2"
                    ),
                    ct.Link(
                        id="c", subject="x2", relation="same_as", object="x"
                    ),
                ]
            ),
        )

    def test_batch_same_as_closes_old_links(self, trio: ct.ClaimSet) -> None:
        """A same_as in a batch can close a cycle of earlier links."""
        trio.link("x", "part_of", "y")
        trio.link("y", "part_of", "z")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.record_many(
                [ct.Link(id="m", subject="x", relation="same_as", object="z")]
            ),
        )

    def test_links_at_different_times(self, trio: ct.ClaimSet) -> None:
        """Links that never hold at one time make no cycle."""
        trio.link("x", "part_of", "y", valid_to="2021")
        trio.link("y", "part_of", "x", valid_from="2022")
        assert len(trio.links) == 2

    def test_links_that_meet_end_to_start(self, trio: ct.ClaimSet) -> None:
        """Validity is half-open: ending when the other starts is fine."""
        trio.link("x", "part_of", "y", valid_to="2021-06-01")
        trio.link("y", "part_of", "x", valid_from="2021-06-01")
        assert len(trio.links) == 2

    def test_links_at_different_times_in_a_batch(
        self, trio: ct.ClaimSet
    ) -> None:
        """A batch of links at different times makes no cycle."""
        trio.record_many(
            [
                ct.Link(
                    id="a",
                    subject="x",
                    relation="part_of",
                    object="y",
                    valid_from="2019",
                    valid_to="2021",
                ),
                ct.Link(
                    id="b",
                    subject="y",
                    relation="part_of",
                    object="x",
                    valid_from="2022",
                ),
            ]
        )
        assert [lk.id for lk in trio.links] == ["a", "b"]

    def test_at_different_times_through_same_as(
        self, trio: ct.ClaimSet
    ) -> None:
        """A same_as joining links that hold at different times is fine."""
        trio.link("x", "part_of", "y", valid_to="2021")
        trio.link("y", "part_of", "z", valid_from="2022")
        trio.link("z", "same_as", "x")
        assert trio.same_source("x") == ("x", "z")

    @pytest.mark.parametrize(
        ("first_to", "second_from"),
        [
            ("2021-06-15", "2021-06"),
            ("2021-06", "2021-06-10"),
            ("2021", "2021-03"),
            ("2021-06-15", "2021-06-15T08:00:00+00:00"),
        ],
    )
    def test_imprecise_possible_overlap(
        self, trio: ct.ClaimSet, first_to: str, second_from: str
    ) -> None:
        """Links that only may overlap, by imprecise dates, are accepted."""
        trio.link("x", "part_of", "y", valid_to=first_to)
        trio.link("y", "part_of", "x", valid_from=second_from)
        assert len(trio.links) == 2

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (
                {"valid_from": "2020", "valid_to": "2023"},
                {"valid_from": "2022"},
            ),
            ({}, {"valid_from": "2022"}),
            ({"valid_to": "2022"}, {"valid_to": "2021"}),
            ({"valid_from": "2021-06-15"}, {"valid_from": "2021-06-15"}),
        ],
    )
    def test_dated_links_that_overlap(
        self,
        trio: ct.ClaimSet,
        first: dict[str, str],
        second: dict[str, str],
    ) -> None:
        """Links that certainly hold at one time make a cycle."""
        trio.link("x", "part_of", "y", **first)
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "part_of", "x", **second),
        )

    def test_imprecise_starts_that_certainly_overlap(
        self, trio: ct.ClaimSet
    ) -> None:
        """Open-ended links starting in 2021 and June 2021 overlap in 2022."""
        trio.link("x", "part_of", "y", valid_from="2021")
        refuse(
            trio,
            ct.AffiliationCycleError,
            lambda: trio.link("y", "part_of", "x", valid_from="2021-06"),
        )


class TestSameSource:
    def test_alone(self, cs: ct.ClaimSet) -> None:
        """A source without same_as links is its own class."""
        assert cs.same_source("army") == ("army",)

    def test_merged_transitively(self, cs: ct.ClaimSet) -> None:
        """same_as links merge sources into one sorted class."""
        cs.record_source("gs", name="FAMa General Staff")
        cs.record_source("emga", name="EMGA")
        cs.link("staff", "same_as", "gs")
        cs.link("emga", "same_as", "gs")
        for member in ("emga", "gs", "staff"):
            assert cs.same_source(member) == ("emga", "gs", "staff")
        assert cs.same_source("army") == ("army",)

    def test_affiliation_does_not_merge(self, cs: ct.ClaimSet) -> None:
        """part_of is not sameness."""
        cs.link("staff", "part_of", "army")
        assert cs.same_source("staff") == ("staff",)

    def test_unknown_or_wrong_kind(self, cs: ct.ClaimSet) -> None:
        """Only recorded sources have a class."""
        with pytest.raises(ct.UnknownReferenceError, match="not a source"):
            cs.same_source("strike")
        with pytest.raises(ct.UnknownReferenceError, match="'ghost'"):
            cs.same_source("ghost")


class TestAffiliations:
    @pytest.fixture(name="dated")
    def _dated(self, cs: ct.ClaimSet) -> ct.ClaimSet:
        """Mali joins the AES in September 2023; the army is Mali's."""
        cs.link("mali", "member_of", "aes", valid_from="2023-09-16", id="join")
        cs.link("army", "part_of", "mali", id="army-mali")
        cs.link("outlet", "owned_by", "mali", valid_to="2022", id="sold")
        cs.link("outlet", "copies_from", "wire", id="copy")
        return cs

    @pytest.mark.parametrize(
        ("at", "expected"),
        [
            (None, ["join"]),
            ("2023-09-15", []),
            ("2023-09-16", ["join"]),
            ("2024", ["join"]),
            ("2023-09", ["join"]),
            ("2023", ["join"]),
            ("2023-08", []),
            ("2022", []),
            ("2023-09-16T00:00:00+00:00", ["join"]),
        ],
    )
    def test_respects_valid_from(
        self, dated: ct.ClaimSet, at: str | None, expected: list[str]
    ) -> None:
        """A link holds from its start; undecidable dates count as holding."""
        assert [lk.id for lk in dated.affiliations("mali", at=at)] == expected

    @pytest.mark.parametrize(
        ("at", "expected"),
        [
            (None, ["sold", "copy"]),
            ("2021-12-31", ["sold", "copy"]),
            ("2022-06-30", ["sold", "copy"]),
            ("2022", ["copy"]),
            ("2023-01-01", ["copy"]),
            ("2025", ["copy"]),
        ],
    )
    def test_respects_valid_to(
        self, dated: ct.ClaimSet, at: str | None, expected: list[str]
    ) -> None:
        """A link stops holding at its end; inside an imprecise end it holds."""
        assert [
            lk.id for lk in dated.affiliations("outlet", at=at)
        ] == expected

    def test_undated_links_always_hold(self, dated: ct.ClaimSet) -> None:
        """A link without dates holds at any date."""
        for at in ("1900", "2025-06-04", None):
            assert [lk.id for lk in dated.affiliations("army", at=at)] == [
                "army-mali"
            ]

    def test_only_outgoing_links(self, dated: ct.ClaimSet) -> None:
        """Links pointing at a source are not its affiliations."""
        assert dated.affiliations("aes") == ()
        assert dated.affiliations("wire") == ()

    def test_not_through_same_as(self, dated: ct.ClaimSet) -> None:
        """A same_as twin's links and the same_as link are not listed."""
        dated.link("staff", "same_as", "army")
        assert dated.affiliations("staff") == ()
        assert [lk.id for lk in dated.affiliations("army")] == ["army-mali"]

    def test_bad_date_or_source(self, dated: ct.ClaimSet) -> None:
        """An unknown source or unreadable date is refused."""
        with pytest.raises(ct.UnknownReferenceError):
            dated.affiliations("strike")
        with pytest.raises(ct.InvalidValueError):
            dated.affiliations("mali", at="soon")


def _has_cycle(edges: list[tuple[int, int]], size: int) -> bool:
    """Reference answer: Kahn's algorithm finds no order iff a cycle exists."""
    indegree = [0] * size
    for _, target in edges:
        indegree[target] += 1
    ready = [n for n in range(size) if indegree[n] == 0]
    seen = 0
    while ready:
        node = ready.pop()
        seen += 1
        for source, target in edges:
            if source == node:
                indegree[target] -= 1
                if indegree[target] == 0:
                    ready.append(target)
    return seen < size


class TestCycleDetectionProperty:
    @given(
        edges=st.lists(
            st.tuples(st.integers(0, 5), st.integers(0, 5)),
            max_size=12,
            unique=True,
        ),
        relation=st.sampled_from(["part_of", "member_of", "controlled_by"]),
    )
    def test_bulk_matches_reference(
        self, edges: list[tuple[int, int]], relation: str
    ) -> None:
        """record_many refuses undated hierarchies exactly when they loop."""
        records: list[ct.Record] = [
            ct.Source(id=f"n{i}", name=f"N{i}") for i in range(6)
        ]
        records.extend(
            ct.Link(
                id=f"l{a}-{b}",
                subject=f"n{a}",
                relation=relation,
                object=f"n{b}",
            )
            for a, b in edges
        )
        cs = ct.ClaimSet()

        if _has_cycle(edges, 6):
            with pytest.raises(ct.AffiliationCycleError):
                cs.record_many(records)
            assert len(cs) == 0
        else:
            cs.record_many(records)
            assert len(cs) == 6 + len(edges)

    def test_long_bulk_chain_with_a_loop_at_the_end(self) -> None:
        """A 20,000-link chain closed into a loop is found in one pass."""
        size = 20_000
        records: list[ct.Record] = [
            ct.Source(id=f"n{i}", name=f"N{i}") for i in range(size)
        ]
        records.extend(
            ct.Link(
                id=f"l{i}",
                subject=f"n{i}",
                relation="part_of",
                object=f"n{i + 1}",
            )
            for i in range(size - 1)
        )
        records.append(
            ct.Link(
                id="back",
                subject=f"n{size - 1}",
                relation="part_of",
                object="n0",
            )
        )

        with pytest.raises(ct.AffiliationCycleError) as caught:
            ct.ClaimSet().record_many(records)

        assert len(caught.value.links) == size
