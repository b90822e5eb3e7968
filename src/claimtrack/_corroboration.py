# SPDX-License-Identifier: MIT
"""The corroboration rule: origins, independent groups, status, credibility."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from claimtrack._affiliations import Closure, Independence, dependence
from claimtrack._dates import PartialDate, first_day, is_later
from claimtrack._policy import CorroborationPolicy
from claimtrack._report import (
    BlockedPath,
    CorroborationReport,
    EvidenceStatus,
    OriginGroup,
)
from claimtrack._reviews import Review
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement


__all__ = ["ClaimIndex", "corroborate", "credibility_of"]

_NOTHING: frozenset[str] = frozenset()
T = TypeVar("T")


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

    def closure(
        self,
        source: str,
        when: PartialDate | None,
        policy: CorroborationPolicy,
    ) -> Closure:
        """The (cached) affiliation closure of *source* at *when*."""

    def reviews_about(self, claim: str) -> Sequence[Review]:
        """Every review recorded of *claim* itself."""


class _Walk:
    """
    Origins reached from each statement, memoised, without recursion.

    A statement with a single usable parent shares its parent's set of
    origins (the same object), so a long relay chain costs one set, and
    statements can be grouped by the identity of their sets.
    """

    def __init__(
        self,
        index: ClaimIndex,
        as_of: PartialDate | None,
        claims: Collection[str],
    ) -> None:
        self.index = index
        self.as_of = as_of
        self.claims = claims
        self.origins: dict[str, frozenset[str]] = {}
        self.depth: dict[str, int] = {}
        self.blocked: dict[tuple[str, str], BlockedPath] = {}

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
        if statement.claim not in self.claims:
            return (
                f"is about claim {statement.claim!r}, outside this claim's "
                "same_as class"
            )
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

    def reach(self, start: Statement) -> frozenset[str]:
        """The origin ids *start* leads back to over usable statements."""
        origins, depth = self.origins, self.depth
        if not start.derives_from:  # an origin: the common case
            own = origins.get(start.id)
            if own is None:
                own = origins[start.id] = frozenset((start.id,))
                depth[start.id] = 0
            return own
        stack: list[tuple[Statement, bool]] = [(start, False)]
        while stack:
            statement, expanded = stack.pop()
            if statement.id in origins:
                continue
            if not statement.derives_from:
                origins[statement.id] = frozenset({statement.id})
                depth[statement.id] = 0
                continue
            parents = [self.index.statement(p) for p in statement.derives_from]
            if not expanded:
                stack.append((statement, True))
                stack.extend(
                    (p, False)
                    for p in parents
                    if p.id not in origins and self._usable(statement, p)
                )
                continue
            found: dict[int, frozenset[str]] = {}
            deepest = 0
            for parent in parents:
                if parent.id not in origins or not self._usable(
                    statement, parent
                ):
                    continue
                theirs = origins[parent.id]
                if theirs:
                    found[id(theirs)] = theirs
                deepest = max(deepest, depth[parent.id] + 1)
            if len(found) == 1:
                (reached,) = found.values()
            else:
                reached = _NOTHING.union(*found.values())
            origins[statement.id] = reached
            depth[statement.id] = deepest
        return origins[start.id]


def credibility_of(asserting: int, denying: int) -> int:
    """
    The Admiralty information-credibility number for group counts.

    No origins: 6. Only denials: 5. No denials: 1 for two or more
    independent asserting groups, 3 for one. With denials: 3 when
    asserting groups outnumber denying ones, 4 otherwise.
    """
    if asserting == 0:
        return 6 if denying == 0 else 5
    if denying:
        return 3 if asserting > denying else 4
    return 1 if asserting >= 2 else 3


def _status(
    asserting: int, denying: int, policy: CorroborationPolicy
) -> EvidenceStatus:
    if asserting and denying:
        return EvidenceStatus.CONTESTED
    if asserting >= policy.minimum:
        return EvidenceStatus.CORROBORATED
    if asserting > 1:
        return EvidenceStatus.INSUFFICIENT
    if asserting == 1:
        return EvidenceStatus.SINGLE_ORIGIN
    if denying:
        return EvidenceStatus.DENIED
    return EvidenceStatus.UNSUPPORTED


def _groups(
    count: int, closures: list[Closure], sources: list[str]
) -> list[tuple[list[int], list[Independence]]]:
    """Connected components of "dependent" among *count* origins, with ties."""
    if count < 2:
        return [([0], [])] if count else []
    parent = list(range(count))  # a union-find over origin numbers
    ties: list[tuple[int, Independence]] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
            tie = dependence(sources[j], closures[j], sources[i], closures[i])
            ties.append((i, tie))

    # An origin is dependent on another when a node in its control
    # closure is in the other's control, belongs or copies closure; so
    # index who controls each node and join through it.
    controller: dict[str, int] = {}
    for i, closure in enumerate(closures):
        for node in closure.control:
            if node in controller:
                merge(i, controller[node])
            else:
                controller[node] = i
    for i, closure in enumerate(closures):
        for node in (*closure.belongs, *closure.copies):
            if node in controller:
                merge(i, controller[node])
    by_root: dict[int, tuple[list[int], list[Independence]]] = {}
    for i in range(count):
        by_root.setdefault(root(i), ([], []))[0].append(i)
    for i, tie in ties:
        by_root[root(i)][1].append(tie)
    return list(by_root.values())


def _carrier_ties(
    index: ClaimIndex,
    carriers: Sequence[Statement],
    origins: Sequence[Statement],
    closures: Sequence[Closure],
    policy: CorroborationPolicy,
) -> tuple[Independence, ...]:
    """Ties between each carrier's source and an origin it depends on."""
    control_at: dict[str, int] = {}
    member_at: dict[str, int] = {}
    for i, closure in enumerate(closures):
        for node in closure.control:
            control_at.setdefault(node, i)
        for node in (*closure.belongs, *closure.copies):
            member_at.setdefault(node, i)
    roots = {closure.root for closure in closures}
    checked: set[str] = set()
    found: list[Independence] = []
    for carrier in carriers:
        if carrier.source in checked:
            continue
        checked.add(carrier.source)
        mine = index.closure(carrier.source, index.date_of(carrier), policy)
        if mine.root in roots:
            continue
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
        if match is not None:
            found.append(
                dependence(
                    carrier.source,
                    mine,
                    origins[match].source,
                    closures[match],
                )
            )
    return tuple(found)


def corroborate(
    index: ClaimIndex,
    claim: str,
    as_of: PartialDate | None,
    policy: CorroborationPolicy,
) -> CorroborationReport:
    """Apply the corroboration rule to *claim* (see the concepts page)."""
    claims = index.claim_class(claim)
    walk = _Walk(index, as_of, frozenset(claims))
    considered: list[Statement] = []
    not_yet: list[Statement] = []
    retracted: list[tuple[Statement, Statement]] = []
    reached: dict[int, frozenset[str]] = {}
    asserting_sources: set[str] = set()
    for claim_id in claims:
        for statement in index.statements_about(claim_id):
            if statement.stance is Stance.RETRACTS:
                continue
            if is_later(index.date_of(statement), as_of):
                not_yet.append(statement)
                continue
            retraction = walk.retraction(statement)
            if retraction is not None:
                retracted.append((statement, retraction))
                continue
            considered.append(statement)
            if statement.stance is Stance.ASSERTS:
                asserting_sources.add(index.canonical_source(statement.source))
            origins_reached = walk.reach(statement)
            if origins_reached:
                reached[id(origins_reached)] = origins_reached
    origin_ids: set[str] = set().union(*reached.values())
    origins = _in_order([index.statement(o) for o in origin_ids], _by_id)

    # Number every group across both stances, then file each statement on
    # a chain under the groups its origins fall in, once per origin set.
    groups: list[tuple[Stance, list[Statement], list[Independence]]] = []
    closures_of: list[list[Closure]] = []
    group_of: dict[str, int] = {}
    for stance in (Stance.ASSERTS, Stance.DENIES):
        members = [o for o in origins if o.stance is stance]
        closures, sources = [], []
        if len(members) > 1:
            closures = [
                index.closure(o.source, index.date_of(o), policy)
                for o in members
            ]
            sources = [o.source for o in members]
        for indexes, ties in _groups(len(members), closures, sources):
            for i in indexes:
                group_of[members[i].id] = len(groups)
            groups.append((stance, [members[i] for i in indexes], ties))
            closures_of.append(
                [closures[i] for i in indexes] if closures else []
            )
    # A statement that carries one group's origins is filed under it; one
    # that brings several groups together (a report citing independent
    # sources) is filed once, as combined.
    carriers: list[list[Statement]] = [[] for _ in groups]
    combined: list[Statement] = []
    group_of_set: dict[int, int | None] = {}
    for statement_id, origin_set in walk.origins.items():
        if not origin_set or statement_id in origin_ids:
            continue
        key = id(origin_set)
        if key not in group_of_set:
            numbers = {group_of[o] for o in origin_set}
            group_of_set[key] = numbers.pop() if len(numbers) == 1 else None
        number = group_of_set[key]
        statement = index.statement(statement_id)
        if number is None:
            combined.append(statement)
        else:
            carriers[number].append(statement)

    built: dict[Stance, list[OriginGroup]] = {
        Stance.ASSERTS: [],
        Stance.DENIES: [],
    }
    for number, (stance, members, ties) in enumerate(groups):
        chain = _in_order(carriers[number], walk.chain_order)
        carrier_ties: tuple[Independence, ...] = ()
        if chain:
            # Closures are only needed to tie carriers to the origins.
            closures = closures_of[number] or [
                index.closure(o.source, index.date_of(o), policy)
                for o in members
            ]
            carrier_ties = _carrier_ties(
                index, chain, members, closures, policy
            )
        built[stance].append(
            OriginGroup(
                stance=stance,
                origins=tuple(members),
                sources=frozenset(o.source for o in members),
                carriers=chain,
                ties=tuple(ties),
                carrier_ties=carrier_ties,
            )
        )
    asserting = _in_order(built[Stance.ASSERTS], _first_origin)
    denying = _in_order(built[Stance.DENIES], _first_origin)
    credibility = credibility_of(len(asserting), len(denying))
    codes = {
        origin.id: f"{index.source(origin.source).reliability or 'F'}"
        f"{credibility}"
        for group in asserting
        for origin in group.origins
    }
    # Reviews are read, never counted: they only travel with the answer.
    reviews = _in_order(
        [
            review
            for claim_id in claims
            for review in index.reviews_about(claim_id)
            if not is_later(review.date, as_of)
        ],
        _review_order,
    )
    return CorroborationReport(
        claim=claim,
        claims=claims,
        as_of=as_of,
        policy=policy,
        status=_status(len(asserting), len(denying), policy),
        corroborated=len(asserting) >= policy.minimum,
        asserting_groups=asserting,
        denying_groups=denying,
        naive_source_count=len(asserting_sources),
        credibility=credibility,
        report_codes=codes,
        statements=_in_order(considered, _by_id),
        retracted=_in_order(retracted, _by_retracted_id),
        not_yet=_in_order(not_yet, _by_id),
        blocked=_in_order(list(walk.blocked.values()), _by_ends),
        combined=_in_order(combined, walk.chain_order),
        sources=index.sources,
        reviews=reviews,
    )


def _review_order(review: Review) -> tuple[str, str, str]:
    date = review.date
    if date is None:
        return ("", "", review.id)
    return (first_day(date).isoformat(), date.isoformat(), review.id)


def _in_order(items: list[T], key: Callable[[T], Any]) -> tuple[T, ...]:
    """*items* sorted by *key*, as a tuple (one item needs no sorting)."""
    if len(items) < 2:
        return tuple(items)
    return tuple(sorted(items, key=key))


def _by_id(statement: Statement) -> str:
    return statement.id


def _by_retracted_id(pair: tuple[Statement, Statement]) -> str:
    return pair[0].id


def _by_ends(blocked: BlockedPath) -> tuple[str, str]:
    return (blocked.statement, blocked.derives_from)


def _first_origin(group: OriginGroup) -> str:
    return group.origins[0].id
