# SPDX-License-Identifier: MIT
"""The corroboration rule: origins, independent groups, status, credibility."""

from __future__ import annotations

import operator

from collections.abc import Callable
from types import MappingProxyType
from typing import Any, TypeVar

from claimtrack._affiliations import Independence, independence
from claimtrack._carrier_ties import carrier_ties as _carrier_ties
from claimtrack._chains import ChainWalk, ClaimIndex, Origin
from claimtrack._dates import PartialDate, first_day, is_later
from claimtrack._origin_groups import OriginWalk, group_origins
from claimtrack._policy import CorroborationPolicy
from claimtrack._report import (
    BlockedPath,
    ClaimChange,
    CorroborationReport,
    EvidenceStatus,
    OriginGroup,
    quick_report,
)
from claimtrack._report_parts import credibility_of, quick_group
from claimtrack._reviews import Review
from claimtrack._statements import Stance, Statement


__all__ = ["corroborate"]

T = TypeVar("T")
_NONE: frozenset[Origin] = frozenset()
_BY_ID = operator.attrgetter("id")


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


Groups = tuple[list[tuple[list[int], list[Independence]]], OriginWalk | None]
"""Groups of origins by number, with their ties, and the walks if any."""


def _groups(
    index: ClaimIndex, members: list[Statement], policy: CorroborationPolicy
) -> Groups:
    """Connected components of "dependent" among origins, with ties."""
    count = len(members)
    if count < 2:
        return ([([0], [])] if count else []), None
    if count == 2:
        return _two_groups(index, members, policy)
    return _many_groups(index, members, policy)


def _many_groups(
    index: ClaimIndex, members: list[Statement], policy: CorroborationPolicy
) -> Groups:
    """`_groups` for any number of origins: one walk shared by all."""
    found, walk = group_origins(
        index,
        [o.source for o in members],
        [index.date_of(o) for o in members],
        policy,
    )
    # Two origins alone in a group are tied as `_two_groups` ties them.
    for numbers, ties in found:
        if len(numbers) == 2:
            tie = _pair_tie(index, [members[i] for i in numbers], policy)
            assert tie is not None
            ties[:] = [tie]
    return found, walk


def _two_groups(
    index: ClaimIndex, members: list[Statement], policy: CorroborationPolicy
) -> Groups:
    """`_groups` of two origins, by their closures."""
    tie = _pair_tie(index, members, policy)
    return ([([0], []), ([1], [])] if tie is None else [([0, 1], [tie])]), None


def _pair_tie(
    index: ClaimIndex, members: list[Statement], policy: CorroborationPolicy
) -> Independence | None:
    """What ties two origins, by their closures, or None."""
    first, second = (
        index.closure(o.source, index.date_of(o), policy) for o in members
    )
    sources = [o.source for o in members]
    control = first.control.keys()
    if not control.isdisjoint(second.control):
        return independence(sources[0], first, sources[1], second)
    if not (
        second.control.keys().isdisjoint(first.belongs)
        and second.control.keys().isdisjoint(first.copies)
    ):
        return independence(sources[1], second, sources[0], first)
    if not (
        control.isdisjoint(second.belongs)
        and control.isdisjoint(second.copies)
    ):
        return independence(sources[0], first, sources[1], second)
    return None


def corroborate(
    index: ClaimIndex,
    claim: str,
    as_of: PartialDate | None,
    policy: CorroborationPolicy,
) -> CorroborationReport:
    """Apply the corroboration rule to *claim* (see the concepts page)."""
    claims = index.claim_class(claim)
    walk = ChainWalk(
        index, as_of, frozenset(claims), index.implied_by(policy.copying)
    )
    considered: list[Statement] = []
    not_yet: list[Statement] = []
    retracted: list[tuple[Statement, Statement]] = []
    reached: dict[int, frozenset[Origin]] = {}
    asserting_sources: set[str] = set()
    for claim_id in claims:
        for statement in index.statements_about(claim_id):
            if statement.stance is Stance.RETRACTS:
                continue
            if as_of is not None and is_later(index.date_of(statement), as_of):
                not_yet.append(statement)
                continue
            if index.retractions_of(statement.id):
                retraction = walk.retraction(statement)
                if retraction is not None:
                    retracted.append((statement, retraction))
                    continue
            considered.append(statement)
            if statement.stance is Stance.ASSERTS:
                asserting_sources.add(index.canonical_source(statement.source))
            origins_reached = walk.origins_reached(statement)
            if origins_reached:
                reached[id(origins_reached)] = origins_reached
    counted: frozenset[Origin] = (
        next(iter(reached.values()))
        if len(reached) == 1
        else _NONE.union(*reached.values())
    )
    origin_ids = {origin for origin, _ in counted}
    origins = (
        tuple(sorted(counted, key=_origin_order))
        if len(counted) > 1
        else tuple(counted)
    )

    # Number every group across both stances, then file each statement on
    # a chain under the groups its origins fall in, once per origin set.
    groups: list[tuple[Stance, list[Statement], list[Independence]]] = []
    walks: list[tuple[OriginWalk, int] | None] = []
    group_of: dict[Origin, int] = {}
    by_stance: dict[Stance, list[Statement]] = {
        Stance.ASSERTS: [],
        Stance.DENIES: [],
    }
    for origin_id, origin_stance in origins:
        if origin_stance is Stance.ASSERTS or origin_stance is Stance.DENIES:
            by_stance[origin_stance].append(index.statement(origin_id))
    for stance, members in by_stance.items():
        if not members:
            continue
        numbered, shared = _groups(index, members, policy)
        for indexes, ties in numbered:
            for i in indexes:
                group_of[members[i].id, stance] = len(groups)
            groups.append((stance, [members[i] for i in indexes], ties))
            # One origin alone needs no walk: its closure is as quick.
            walks.append(
                None
                if shared is None or len(indexes) < 2
                else (shared, indexes[0])
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
            # A statement off the claim's class, whose stance is not yet
            # decided, is shown where the claim changes, not as a carrier.
            if len(origin_set) == 1:
                (only,) = origin_set
                if only not in group_of:
                    continue
                group_of_set[key] = group_of[only]
            else:
                numbers = {group_of.get(o, -1) for o in origin_set}
                if -1 in numbers:
                    continue
                group_of_set[key] = (
                    numbers.pop() if len(numbers) == 1 else None
                )
        number = group_of_set.get(key, -1)
        if number == -1:
            continue
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
        on_chain = carriers[number]
        chain = (
            _in_order(on_chain, walk.chain_order)
            if len(on_chain) > 1
            else tuple(on_chain)
        )
        carrier_ties = (
            _carrier_ties(index, chain, members, policy, walks[number])
            if chain
            else ()
        )
        built[stance].append(
            quick_group(
                stance,
                tuple(members),
                frozenset([o.source for o in members])
                if len(members) > 1
                else frozenset((members[0].source,)),
                chain,
                tuple(ties) if ties else (),
                carrier_ties,
            )
        )
    found = built[Stance.ASSERTS]
    asserting = (
        _in_order(found, _first_origin) if len(found) > 1 else tuple(found)
    )
    found = built[Stance.DENIES]
    denying = (
        _in_order(found, _first_origin) if len(found) > 1 else tuple(found)
    )
    credibility = credibility_of(len(asserting), len(denying))
    codes: dict[str, str] = {}
    number_text = str(credibility)
    for group in asserting:
        for origin in group.origins:
            letter = index.source(origin.source).reliability or "F"
            codes[origin.id] = letter + number_text
    # Reviews are read, never counted: they only travel with the answer.
    reviews: list[Review] = []
    for claim_id in claims:
        for review in index.reviews_about(claim_id):
            if not is_later(review.date, as_of):
                reviews.append(review)  # noqa: PERF401 - no call per claim
    document_dates: dict[str, PartialDate] = {}
    for reported in (
        considered,
        not_yet,
        *(group.origins for group in (*asserting, *denying)),
    ):
        for s in reported:
            if (
                s.date is None
                and s.document is not None
                and (date := index.date_of(s)) is not None
            ):
                document_dates[s.id] = date
    return quick_report(
        claim=claim,
        claims=claims,
        as_of=as_of,
        policy=policy,
        status=_status(len(asserting), len(denying), policy),
        corroborated=len(asserting) >= policy.minimum,
        contested=bool(asserting and denying),
        asserting_groups=asserting,
        denying_groups=denying,
        naive_source_count=len(asserting_sources),
        credibility=credibility,
        report_codes=codes,
        statements=tuple(sorted(considered, key=_BY_ID))
        if len(considered) > 1
        else tuple(considered),
        retracted=_in_order(retracted, _by_retracted_id) if retracted else (),
        not_yet=_in_order(not_yet, _by_id) if not_yet else (),
        blocked=_in_order(list(walk.blocked.values()), _by_ends)
        if walk.blocked
        else (),
        combined=_in_order(combined, walk.chain_order) if combined else (),
        sources=MappingProxyType(index.sources),
        reviews=_in_order(reviews, _review_order),
        derivations={
            statement: walk.implied[statement]
            for statement in sorted(walk.implied)
            if walk.origins.get(statement)
        }
        if walk.implied
        else {},
        claim_changes=tuple(
            _claim_change(index, child, parent)
            for child, parent in sorted(walk.changes)
        )
        if walk.changes
        else (),
        document_dates=document_dates,
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


def _claim_change(index: ClaimIndex, child: str, parent: str) -> ClaimChange:
    statement, rested_on = index.statement(child), index.statement(parent)
    return ClaimChange(
        statement=child,
        claim=statement.claim,
        parent=parent,
        parent_claim=rested_on.claim,
        parent_source=rested_on.source,
    )


def _origin_order(origin: Origin) -> tuple[str, str]:
    statement, stance = origin
    return (statement, "" if stance is None else stance.value)


def _by_id(statement: Statement) -> str:
    return statement.id


def _by_retracted_id(pair: tuple[Statement, Statement]) -> str:
    return pair[0].id


def _by_ends(blocked: BlockedPath) -> tuple[str, str]:
    return (blocked.statement, blocked.derives_from)


def _first_origin(group: OriginGroup) -> str:
    return group.origins[0].id
