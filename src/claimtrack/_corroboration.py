# SPDX-License-Identifier: MIT
"""The corroboration rule: origins, independent groups, status, credibility."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from claimtrack._affiliations import Closure, Independence, dependence
from claimtrack._dates import PartialDate, is_later
from claimtrack._partition import Partition
from claimtrack._policy import CorroborationPolicy
from claimtrack._report import (
    BlockedPath,
    CorroborationReport,
    EvidenceStatus,
    OriginGroup,
)
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement


__all__ = ["ClaimIndex", "corroborate", "credibility_of"]


class ClaimIndex(Protocol):
    """The look-ups the rule needs; `ClaimSet` provides them."""

    def claim_class(self, claim: str) -> tuple[str, ...]:
        """Every claim ``same_as`` *claim*, sorted."""

    def statements_about(self, claim: str) -> Sequence[Statement]:
        """Every statement recorded about *claim* itself."""

    def statement(self, statement: str) -> Statement:
        """The statement with id *statement*."""

    def retractions_of(self, statement: str) -> Sequence[Statement]:
        """Every retraction that targets *statement*."""

    def source(self, source: str) -> Source:
        """The source with id *source*."""

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""

    def closure(
        self,
        source: str,
        when: PartialDate | None,
        policy: CorroborationPolicy,
    ) -> Closure:
        """The (cached) affiliation closure of *source* at *when*."""


def _retraction(
    index: ClaimIndex, statement: Statement, as_of: PartialDate | None
) -> Statement | None:
    """The earliest retraction of *statement* in force at *as_of*."""
    live = [
        r
        for r in index.retractions_of(statement.id)
        if not is_later(r.date, as_of)
    ]
    if not live:
        return None
    return min(live, key=lambda r: (r.date is None, str(r.date), r.id))


class _Walk:
    """Origins reached from each statement, memoised, without recursion."""

    def __init__(self, index: ClaimIndex, as_of: PartialDate | None) -> None:
        self.index = index
        self.as_of = as_of
        self.origins: dict[str, frozenset[str]] = {}
        self.depth: dict[str, int] = {}
        self.blocked: dict[tuple[str, str], BlockedPath] = {}
        self.retracted: dict[str, Statement] = {}

    def unusable(self, statement: Statement) -> str | None:
        """Why *statement* cannot be counted, or None if it can."""
        if is_later(statement.date, self.as_of):
            return f"is dated {statement.date}, after {self.as_of}"
        retraction = _retraction(self.index, statement, self.as_of)
        if retraction is not None:
            self.retracted[statement.id] = retraction
            when = f" on {retraction.date}" if retraction.date else ""
            return f"was retracted by {retraction.id}{when}"
        return None

    def reach(self, start: Statement) -> frozenset[str]:
        """The origin ids *start* leads back to over usable statements."""
        origins, depth = self.origins, self.depth
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
            reached: set[str] = set()
            deepest = 0
            for parent in parents:
                if parent.id in origins and self._usable(statement, parent):
                    reached |= origins[parent.id]
                    deepest = max(deepest, depth[parent.id] + 1)
            origins[statement.id] = frozenset(reached)
            depth[statement.id] = deepest
        return origins[start.id]

    def _usable(self, child: Statement, parent: Statement) -> bool:
        key = (child.id, parent.id)
        if key in self.blocked:
            return False
        reason = self.unusable(parent)
        if reason is None:
            return True
        self.blocked[key] = BlockedPath(child.id, parent.id, reason)
        return False


def credibility_of(
    asserting: int, denying: int, policy: CorroborationPolicy
) -> int:
    """
    The Admiralty information-credibility number for group counts.

    No origins: 6. Only denials: 5. No denials: 1 from the policy's
    minimum of asserting groups up, 2 for more than one group below it,
    3 for one group. With denials: 3 when asserting groups outnumber
    denying ones, 4 otherwise.
    """
    if asserting == 0:
        return 6 if denying == 0 else 5
    if denying:
        return 3 if asserting > denying else 4
    if asserting >= policy.minimum:
        return 1
    return 2 if asserting > 1 else 3


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
    index: ClaimIndex,
    origins: list[Statement],
    policy: CorroborationPolicy,
) -> list[tuple[list[int], list[Independence]]]:
    """Connected components of "dependent" among *origins*, with ties."""
    if len(origins) < 2:
        return [([0], [])] if origins else []
    closures = [index.closure(o.source, o.date, policy) for o in origins]
    components = Partition()
    ties: list[tuple[int, int, Independence]] = []

    def merge(i: int, j: int) -> None:
        if components.find(str(i)) != components.find(str(j)):
            components.union(str(i), str(j))
            tie = dependence(
                origins[j].source, closures[j], origins[i].source, closures[i]
            )
            ties.append((i, j, tie))

    # An origin is dependent on another when a node in its control
    # closure is in the other's control, belongs or copies closure; so
    # index who controls each node and join through it.
    controller: dict[str, int] = {}
    for i, closure in enumerate(closures):
        components.add(str(i))
        for node in closure.control:
            if node in controller:
                merge(i, controller[node])
            else:
                controller[node] = i
    for i, closure in enumerate(closures):
        for node in (*closure.belongs, *closure.copies):
            if node in controller:
                merge(i, controller[node])
    by_root: dict[str, tuple[list[int], list[Independence]]] = {}
    for i in range(len(origins)):
        by_root.setdefault(components.find(str(i)), ([], []))[0].append(i)
    for i, _j, tie in ties:
        by_root[components.find(str(i))][1].append(tie)
    return list(by_root.values())


def corroborate(
    index: ClaimIndex,
    claim: str,
    as_of: PartialDate | None,
    policy: CorroborationPolicy,
) -> CorroborationReport:
    """Apply the corroboration rule to *claim* (see the concepts page)."""
    claims = index.claim_class(claim)
    walk = _Walk(index, as_of)
    considered: list[Statement] = []
    not_yet: list[Statement] = []
    retracted: list[tuple[Statement, Statement]] = []
    reached_from: dict[str, list[Statement]] = {}
    asserting_sources: set[str] = set()
    for claim_id in claims:
        for statement in index.statements_about(claim_id):
            if statement.stance is Stance.RETRACTS:
                continue
            if is_later(statement.date, as_of):
                not_yet.append(statement)
                continue
            retraction = _retraction(index, statement, as_of)
            if retraction is not None:
                retracted.append((statement, retraction))
                continue
            considered.append(statement)
            if statement.stance is Stance.ASSERTS:
                asserting_sources.add(index.canonical_source(statement.source))
            for origin in walk.reach(statement):
                reached_from.setdefault(origin, []).append(statement)

    origins = sorted(
        (index.statement(o) for o in reached_from), key=lambda s: s.id
    )
    groups_by_stance: dict[Stance, list[OriginGroup]] = {}
    for stance in (Stance.ASSERTS, Stance.DENIES):
        members = [o for o in origins if o.stance is stance]
        groups = []
        for indexes, ties in _groups(index, members, policy):
            group_origins = tuple(members[i] for i in indexes)
            carriers = _carriers(walk, group_origins, reached_from)
            groups.append(
                OriginGroup(
                    stance=stance,
                    origins=group_origins,
                    sources=frozenset(o.source for o in group_origins),
                    carriers=carriers,
                    ties=tuple(ties),
                    carrier_ties=_carrier_ties(
                        index, carriers, group_origins, policy
                    ),
                )
            )
        groups.sort(key=lambda g: g.origins[0].id)
        groups_by_stance[stance] = groups
    asserting = tuple(groups_by_stance[Stance.ASSERTS])
    denying = tuple(groups_by_stance[Stance.DENIES])
    credibility = credibility_of(len(asserting), len(denying), policy)
    codes = {
        origin.id: f"{index.source(origin.source).reliability or 'F'}"
        f"{credibility}"
        for group in asserting
        for origin in group.origins
    }
    named = {
        s.source
        for s in (*considered, *origins, *not_yet, *(p for p, _ in retracted))
    }
    for group in (*asserting, *denying):
        for tie in (*group.ties, *group.carrier_ties):
            named.update(tie.path)
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
        statements=tuple(sorted(considered, key=lambda s: s.id)),
        retracted=tuple(sorted(retracted, key=lambda pair: pair[0].id)),
        not_yet=tuple(sorted(not_yet, key=lambda s: s.id)),
        blocked=tuple(walk.blocked[key] for key in sorted(walk.blocked)),
        sources={s: index.source(s) for s in sorted(named)},
    )


def _carrier_ties(
    index: ClaimIndex,
    carriers: tuple[Statement, ...],
    origins: tuple[Statement, ...],
    policy: CorroborationPolicy,
) -> tuple[Independence, ...]:
    """Ties between each carrier's source and the first origin it meets."""
    found: dict[str, Independence] = {}
    for carrier in carriers:
        if carrier.source in found:
            continue
        mine = index.closure(carrier.source, carrier.date, policy)
        for origin in origins:
            theirs = index.closure(origin.source, origin.date, policy)
            if mine.root == theirs.root:
                break
            tie = dependence(carrier.source, mine, origin.source, theirs)
            if not tie:
                found[carrier.source] = tie
                break
    return tuple(found.values())


def _carriers(
    walk: _Walk,
    origins: tuple[Statement, ...],
    reached_from: dict[str, list[Statement]],
) -> tuple[Statement, ...]:
    """Statements on the chains from *origins* out, nearest first."""
    ids = {o.id for o in origins}
    chain: dict[str, Statement] = {}
    for origin in origins:
        for start in reached_from[origin.id]:
            if start.id in ids:
                continue
            # Walk back from each starting statement over statements
            # that lead to this group, collecting the whole chain.
            stack = [start]
            while stack:
                statement = stack.pop()
                if statement.id in chain or statement.id in ids:
                    continue
                chain[statement.id] = statement
                for parent_id in statement.derives_from:
                    reached = walk.origins.get(parent_id)
                    if (
                        reached
                        and reached & ids
                        and (statement.id, parent_id) not in walk.blocked
                    ):
                        stack.append(walk.index.statement(parent_id))
    return tuple(
        sorted(chain.values(), key=lambda s: (walk.depth[s.id], s.id))
    )
