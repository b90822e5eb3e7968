# SPDX-License-Identifier: MIT
"""Walking derivation chains back to their origins, once per statement."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from claimtrack._affiliations import Closure
from claimtrack._dates import PartialDate, is_later
from claimtrack._derivations import Derivation
from claimtrack._links import Link, Relation
from claimtrack._policy import CorroborationPolicy
from claimtrack._report import (
    BlockedPath,
)
from claimtrack._reviews import Review
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement


__all__ = ["ChainWalk", "ClaimIndex", "Origin"]

Origin = tuple[str, Stance | None]
"""
An origin statement's id and the stance it is counted with: that of the
last statement on the chain still on the queried claim's class, walking
from the live statement toward the origin (None until one is met).
"""
_NOTHING: frozenset[Origin] = frozenset()


class ClaimIndex(Protocol):
    """The look-ups the rule needs; `ClaimSet` provides them."""

    def claim_class(self, claim: str) -> tuple[str, ...]:
        """Every claim ``same_as`` *claim*, sorted."""

    def statements_about(self, claim: str) -> Sequence[Statement]:
        """Every statement recorded about *claim* itself."""

    def statement(self, statement: str) -> Statement:
        """The statement with id *statement*."""

    def date_of(self, statement: Statement) -> PartialDate | None:
        """The statement's date, or else the date of its document."""

    def retractions_of(self, statement: str) -> Sequence[Statement]:
        """Every retraction that targets *statement*."""

    def source(self, source: str) -> Source:
        """The source with id *source*."""

    @property
    def sources(self) -> Mapping[str, Source]:
        """Every source by id (a read-only view)."""

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""

    def links_from(self, canonical: str) -> Sequence[Link]:
        """Affiliation links from any member of a ``same_as`` class."""

    def closure(
        self,
        source: str,
        when: PartialDate | None,
        policy: CorroborationPolicy,
    ) -> Closure:
        """The (cached) affiliation closure of *source* at *when*."""

    def reviews_about(self, claim: str) -> Sequence[Review]:
        """Every review recorded of *claim* itself."""

    def implied_by(
        self, copying: frozenset[Relation]
    ) -> Mapping[str, tuple[Derivation, ...]]:
        """What statements derive from by copying or citation, implied."""


class ChainWalk:
    """
    Origins reached from each statement, memoised, without recursion.

    A statement's parents are those it declares and those implied by
    copying and citation. Chains are followed whatever claim their
    statements are about. A statement with a single usable parent shares
    its parent's set of origins (the same object), so a long relay chain
    costs one set, and statements can be grouped by the identity of
    their sets.
    """

    __slots__ = (
        "as_of",
        "blocked",
        "changes",
        "claims",
        "depth",
        "implied",
        "index",
        "inferred",
        "origins",
    )

    def __init__(
        self,
        index: ClaimIndex,
        as_of: PartialDate | None,
        claims: Collection[str],
        inferred: Mapping[str, tuple[Derivation, ...]],
    ) -> None:
        self.index = index
        self.inferred = inferred
        self.as_of = as_of
        self.claims = claims
        self.origins: dict[str, frozenset[Origin]] = {}
        self.depth: dict[str, int] = {}
        self.blocked: dict[tuple[str, str], BlockedPath] = {}
        self.implied: dict[str, tuple[Derivation, ...]] = {}
        self.changes: dict[tuple[str, str], None] = {}

    def retraction(self, statement: Statement) -> Statement | None:
        """The earliest retraction of *statement* in force at as_of."""
        retractions = self.index.retractions_of(statement.id)
        if not retractions:
            return None
        date_of = self.index.date_of
        live = [r for r in retractions if not is_later(date_of(r), self.as_of)]
        if not live:
            return None
        return min(live, key=lambda r: (str(date_of(r) or ""), r.id))

    def _unusable(self, statement: Statement) -> str | None:
        """Why *statement* cannot be counted, or None if it can."""
        date = self.index.date_of(statement)
        if is_later(date, self.as_of):
            return f"is dated {date}, after {self.as_of}"
        retraction = self.retraction(statement)
        if retraction is not None:
            when = self.index.date_of(retraction)
            on = f" on {when}" if when else ""
            return f"was retracted by {retraction.id}{on}"
        return None

    def _usable(self, child: Statement, parent: Statement) -> bool:
        key = (child.id, parent.id)
        if key in self.blocked:
            return False
        reason = self._unusable(parent)
        if reason is None:
            return True
        self.blocked[key] = BlockedPath(child.id, parent.id, reason)
        return False

    def chain_order(self, statement: Statement) -> tuple[int, str]:
        """Sort key of a reached statement: nearest its origins first."""
        return (self.depth[statement.id], statement.id)

    def _parents(self, statement: Statement) -> list[Statement]:
        implied = self.inferred.get(statement.id)
        if not implied:  # the common case: only what it declares
            return [self.index.statement(p) for p in statement.derives_from]
        self.implied[statement.id] = tuple(implied)
        # One parent may be implied twice (copied and cited): once is enough.
        ids = dict.fromkeys(
            (*statement.derives_from, *(d.parent for d in implied))
        )
        return [self.index.statement(p) for p in ids]

    def _own(self, statement: Statement) -> frozenset[Origin]:
        stance = statement.stance if statement.claim in self.claims else None
        return frozenset(((statement.id, stance),))

    def origins_reached(self, start: Statement) -> frozenset[Origin]:
        """The origins *start* leads back to over usable statements."""
        origins, depth = self.origins, self.depth
        found = origins.get(start.id)
        if found is not None:
            return found
        if self.inferred.get(start.id):
            return self._walk(start)
        if not start.derives_from:
            # The common case: an origin, reached at once.
            found = origins[start.id] = self._own(start)
            depth[start.id] = 0
            return found
        if len(start.derives_from) == 1:
            # The next most common: a relay of an origin or of a statement
            # already walked; the same steps as the walk, without a stack.
            parent = self.index.statement(start.derives_from[0])
            if parent.id in origins or not (
                parent.derives_from or self.inferred.get(parent.id)
            ):
                usable = [parent] if self._usable(start, parent) else []
                if usable and parent.id not in origins:
                    origins[parent.id] = self._own(parent)
                    depth[parent.id] = 0
                found, depth[start.id] = self._join(start, usable)
                origins[start.id] = found
                return found
        return self._walk(start)

    def _walk(self, start: Statement) -> frozenset[Origin]:
        """`origins_reached` over any chain, with a stack, not recursion."""
        origins, depth = self.origins, self.depth
        stack: list[tuple[Statement, list[Statement] | None]] = [(start, None)]
        while stack:
            statement, parents = stack.pop()
            if statement.id in origins:
                continue
            if parents is None:
                parents = self._parents(statement)
                if not parents:
                    origins[statement.id] = self._own(statement)
                    depth[statement.id] = 0
                    continue
                # Each parent is judged once; only usable ones are joined.
                usable = [p for p in parents if self._usable(statement, p)]
                stack.append((statement, usable))
                stack.extend((p, None) for p in usable if p.id not in origins)
                continue
            origins[statement.id], depth[statement.id] = self._join(
                statement, parents
            )
        return origins[start.id]

    def _join(
        self, statement: Statement, parents: list[Statement]
    ) -> tuple[frozenset[Origin], int]:
        """The origins of *statement* from its usable parents' (walked)."""
        inside = statement.claim in self.claims
        found: dict[int, frozenset[Origin]] = {}
        deepest = 0
        for parent in parents:
            if parent.id not in self.origins:
                continue
            theirs = self.origins[parent.id]
            if inside and parent.claim not in self.claims:
                # The claim changes here: what the chain below carries
                # counts with this statement's stance, unless a statement
                # nearer the origin is on the claim's class.
                self.changes[(statement.id, parent.id)] = None
                stance = statement.stance
                theirs = frozenset(
                    (origin, stance if counted is None else counted)
                    for origin, counted in theirs
                )
            if theirs:
                found[id(theirs)] = theirs
            deepest = max(deepest, self.depth[parent.id] + 1)
        if len(found) == 1:
            (reached,) = found.values()
        else:
            reached = _NOTHING.union(*found.values())
        return reached, deepest
