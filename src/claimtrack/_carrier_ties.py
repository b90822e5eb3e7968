# SPDX-License-Identifier: MIT
"""Carrier ties: what ties a carrier's source to an origin of its group."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from claimtrack._affiliations import (
    Closure,
    Independence,
    Tie,
    independence,
    tied,
)
from claimtrack._chains import ClaimIndex
from claimtrack._dates import PartialDate
from claimtrack._links import Link
from claimtrack._origin_groups import BELONGS, COPIES, End, OriginWalk
from claimtrack._policy import CorroborationPolicy
from claimtrack._statements import Statement


__all__ = ["carrier_ties", "ties_by_closures"]


def carrier_ties(
    index: ClaimIndex,
    carriers: Sequence[Statement],
    origins: Sequence[Statement],
    policy: CorroborationPolicy,
    walk: tuple[OriginWalk, int] | None = None,
) -> tuple[Independence, ...]:
    """
    Ties between each carrier's source and an origin it depends on.

    Args:
        index: The claim set's look-ups.
        carriers: The statements that carry the group's origins.
        origins: The group's origins.
        policy: The policy the groups were made under.
        walk: The walks that grouped the origins and the number of one
            origin of the group among them, if they were grouped so.
            The walks' tables stand for the origins' closures then, and
            each carrier is tied to the nearest origin its closure meets.
    """
    if walk is None:
        closures = [
            index.closure(o.source, index.date_of(o), policy) for o in origins
        ]
        if len(closures) == 1:
            return _ties_to_one(
                index, carriers, origins[0], closures[0], policy
            )
        return ties_by_closures(index, carriers, origins, closures, policy)
    roots = {index.canonical_source(o.source) for o in origins}
    by_closures: _Tables | None = None

    def tie_of(source: str, mine: Closure) -> Independence | None:
        nonlocal by_closures
        tie = _walked_tie(walk, source, mine)
        if not isinstance(tie, _Unsure):
            return tie
        # Something the carrier controls was walked only by origins of
        # other groups: ask the group's closures (built once).
        if by_closures is None:
            by_closures = _Tables(
                origins,
                [
                    index.closure(o.source, index.date_of(o), policy)
                    for o in origins
                ],
            )
        return by_closures.tie(source, mine)

    return _ties(index, carriers, policy, roots, tie_of)


class _Unsure:
    """The walks cannot tell whether a carrier is tied to a group."""

    __slots__ = ()


_UNSURE = _Unsure()


def _walked_tie(
    walk: tuple[OriginWalk, int], carrier: str, mine: Closure
) -> Independence | _Unsure | None:
    """
    The tie of source *carrier* (its closure *mine*) to a group, by walks.

    Where the closures of the carrier and of an origin of the group
    meet, tried in the order `independence` tries them, each part of the
    carrier's closure in the order it was walked: the first meeting
    found is the one nearest the carrier.
    """
    walks, member = walk
    group = walks.root(member)
    controller, owner, root = walks.controller, walks.owner, walks.root
    for node in mine.control:
        first = controller.get(node)
        if first is not None and root(owner[first]) == group:
            return _tie_to(
                walks, carrier, mine.links_to(node), first, Tie.COMMON_CONTROL
            )
    unsure = False
    for table, mode, tie in (
        ("belongs", BELONGS, Tie.MEMBERSHIP),
        ("copies", COPIES, Tie.COPYING),
    ):
        # The carrier belongs to (copies) what an origin controls...
        for node in mine.belongs if mode == BELONGS else mine.copies:
            first = controller.get(node)
            if first is not None and root(owner[first]) == group:
                return _tie_to(
                    walks, carrier, mine.links_to(node, table), first, tie
                )
        # ... or an origin belongs to (copies) what the carrier controls.
        for node in mine.control:
            for j, along in walks.walkers.get((node, mode), ()):
                if root(j) == group:
                    return _tie_to(
                        walks, carrier, mine.links_to(node), along, tie, j
                    )
                unsure = True
    return _UNSURE if unsure else None


def _tie_to(
    walks: OriginWalk,
    carrier: str,
    up: list[Link],
    end: End,
    tie: Tie,
    origin: int | None = None,
) -> Independence:
    """
    Source *carrier* tied by *tie* to an origin whose walk reached *end*.

    Args:
        walks: The walks of the origins.
        carrier: A source that is no origin.
        up: The links from *carrier* up to where they meet.
        end: A state an origin reached over control links (which says
            which origin), or a node of its walk beyond them.
        tie: Why they are dependent.
        origin: The number of the origin whose walk *end* is on, if
            *end* is no state.
    """
    if origin is None:
        assert isinstance(end, tuple)
        origin = walks.owner[end]
    return tied(carrier, up, walks.sources[origin], walks.links_to(end), tie)


class _Tables:
    """Which origin of a group controls, belongs to or copies each node."""

    def __init__(
        self, origins: Sequence[Statement], closures: Sequence[Closure]
    ) -> None:
        self.origins, self.closures = origins, closures
        self.control_at: dict[str, int] = {}
        self.member_at: dict[str, int] = {}
        for i, closure in enumerate(self.closures):
            for node in closure.control:
                self.control_at.setdefault(node, i)
            for node in (*closure.belongs, *closure.copies):
                self.member_at.setdefault(node, i)

    def tie(self, carrier: str, mine: Closure) -> Independence | None:
        """The tie of *carrier* (its closure *mine*) to an origin, or None."""
        control_at, member_at = self.control_at, self.member_at
        match = next(
            (
                table[node]
                for node in mine.control
                for table in (control_at, member_at)
                if node in table
            ),
            None,
        )
        if match is None:
            match = next(
                (
                    control_at[node]
                    for node in (*mine.belongs, *mine.copies)
                    if node in control_at
                ),
                None,
            )
        if match is None:
            return None
        return independence(
            carrier, mine, self.origins[match].source, self.closures[match]
        )


def ties_by_closures(
    index: ClaimIndex,
    carriers: Sequence[Statement],
    origins: Sequence[Statement],
    closures: Sequence[Closure],
    policy: CorroborationPolicy,
) -> tuple[Independence, ...]:
    """`carrier_ties` by the closures of every origin of the group."""
    tables = _Tables(origins, closures)
    roots = {closure.root for closure in closures}
    return _ties(index, carriers, policy, roots, tables.tie)


def _ties_to_one(
    index: ClaimIndex,
    carriers: Sequence[Statement],
    origin: Statement,
    closure: Closure,
    policy: CorroborationPolicy,
) -> tuple[Independence, ...]:
    """`carrier_ties` for one origin: the same answer, without tables."""
    control = closure.control.keys()

    def tie_of(source: str, mine: Closure) -> Independence | None:
        if (
            control.isdisjoint(mine.control)
            and control.isdisjoint(mine.belongs)
            and control.isdisjoint(mine.copies)
            and mine.control.keys().isdisjoint(closure.belongs)
            and mine.control.keys().isdisjoint(closure.copies)
        ):
            return None
        return independence(source, mine, origin.source, closure)

    return _ties(index, carriers, policy, (closure.root,), tie_of)


def _ties(
    index: ClaimIndex,
    carriers: Sequence[Statement],
    policy: CorroborationPolicy,
    roots: Container[str],
    tie_of: Callable[[str, Closure], Independence | None],
) -> tuple[Independence, ...]:
    """
    The first tie *tie_of* finds for each carrier's source, in order.

    Each source is asked at each date it carries the group on (its
    affiliations may differ between them), until one is tied. Sources in
    one of *roots* (the ``same_as`` class of an origin) are left out:
    they are the origin's own voice, not tied to it.
    """
    asked: set[tuple[str, PartialDate | None]] = set()
    tied: dict[str, Independence] = {}
    for carrier in carriers:
        source = carrier.source
        if source in tied:
            continue
        date = index.date_of(carrier)
        if (source, date) in asked:
            continue
        asked.add((source, date))
        mine = index.closure(source, date, policy)
        if mine.root in roots:
            continue
        tie = tie_of(source, mine)
        if tie is not None:
            tied[source] = tie
    return tuple(tied.values())
