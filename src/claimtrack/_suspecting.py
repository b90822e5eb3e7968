# SPDX-License-Identifier: MIT
"""A claim set's suspicions: found once, judged, and what they would change."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimtrack._corroboration import corroborate
from claimtrack._derivations import Derivation
from claimtrack._discovery import not_judged, suspicions_of_kind
from claimtrack._judgements import accepted_links, rejection_link
from claimtrack._links import (
    Link,
)
from claimtrack._policy import CorroborationPolicy
from claimtrack._queries import Queries
from claimtrack._recording import Recording
from claimtrack._records import (
    KIND_NAMES,
    Record,
)
from claimtrack._report import CorroborationReport
from claimtrack._store import Store
from claimtrack._suspicions import (
    AFFECTED,
    Suspicion,
    SuspicionKind,
    strongest_first,
    to_kind,
)
from claimtrack.exceptions import (
    InvalidValueError,
)


__all__ = ["Suspecting"]


@attrs.define
class SuspicionCache:
    """What a claim set found, kept until a new record may change it."""

    by_kind: dict[SuspicionKind, list[Suspicion]] = attrs.Factory(dict)
    found: list[Suspicion] | None = None
    held_by_record: dict[str, list[Suspicion]] | None = None
    if_held: Store | None = None

    def forget(self, record: Record) -> None:
        """Forget every answer *record* may change."""
        if self.by_kind:
            # Only the kinds this record may change are searched again.
            for kind in AFFECTED[KIND_NAMES[type(record)]]:
                self.by_kind.pop(kind, None)
        self.found = self.held_by_record = self.if_held = None


class Suspecting(Recording):
    """A claim set's suspicions: found, judged, and what they would change."""

    _suspected: SuspicionCache

    def _forget(self, record: Record) -> None:
        self._suspected.forget(record)

    # -- suspicions ----------------------------------------------------

    def suspicions(
        self,
        *,
        kinds: Iterable[SuspicionKind | str] | None = None,
        min_score: float | None = None,
    ) -> tuple[Suspicion, ...]:
        """
        Dependence the records suggest but nobody declared, strongest first.

        Computed from what is recorded, never changing it: reused text
        between documents, shared quotes, wire credits, copying sources
        and same claims (see the discovery page). Pairs a person has
        accepted or rejected are not raised again.

        Args:
            kinds: Only these kinds (`SuspicionKind` values); all by
                default.
            min_score: Only suspicions scoring at least this; by default
                those at or above their kind's threshold.

        Raises:
            InvalidValueError: If a kind is unknown or *min_score* is not
                a number from 0 to 1.
        """
        chosen = _suspicion_kinds(kinds)
        if min_score is not None and (
            type(min_score) not in (int, float) or not 0 <= min_score <= 1
        ):
            raise InvalidValueError(
                "min_score", min_score, "expected a number from 0 to 1"
            )
        return tuple(
            s
            for s in self._found(chosen)
            if s.score >= (s.threshold if min_score is None else min_score)
        )

    def _found(self, kinds: frozenset[SuspicionKind]) -> list[Suspicion]:
        """The suspicions of *kinds*, searching only for those kinds."""
        cache = self._suspected
        if cache.found is not None or len(kinds) == len(SuspicionKind):
            return [s for s in self._all_suspicions() if s.kind in kinds]
        by_kind = cache.by_kind
        for kind in kinds:
            if kind not in by_kind:
                by_kind[kind] = suspicions_of_kind(self, kind)
        return not_judged(
            self,
            [
                s
                for kind in SuspicionKind
                if kind in kinds
                for s in by_kind[kind]
            ],
        )

    def _all_suspicions(self) -> list[Suspicion]:
        cache = self._suspected
        if cache.found is None:
            by_kind = cache.by_kind
            for kind in SuspicionKind:
                if kind not in by_kind:
                    by_kind[kind] = suspicions_of_kind(self, kind)
            cache.found = not_judged(
                self, [s for kind in SuspicionKind for s in by_kind[kind]]
            )
        return cache.found

    def accept(
        self,
        suspicion: Suspicion,
        *,
        note: str | None = None,
        copier: str | None = None,
    ) -> tuple[Link, ...]:
        """
        Declare what *suspicion* implies, as links that keep its evidence.

        The records as published are never altered: the analyst's
        conclusion is a link of its own (``copies`` between documents or
        statements, ``copies_from`` between sources, ``same_as`` between
        claims), which corroboration follows like any declared one.
        `unlink` withdraws it.

        Args:
            suspicion: A `Suspicion` from `suspicions`.
            note: Why you accept it, in your words.
            copier: Which of its two records copies, when the dates do not
                tell.

        Returns:
            The links recorded.

        Raises:
            InvalidValueError: If the direction is unknown and *copier*
                is missing, or a wire credit names no recorded source.
            ClaimtrackError: As `record_many`; then nothing is recorded.
        """
        links = accepted_links(
            self, _suspicion(suspicion), note=note, copier=copier
        )
        self.record_many(links)
        return tuple(links)

    def reject(self, suspicion: Suspicion, *, note: str | None = None) -> Link:
        """
        Record that a person judged *suspicion* wrong: it is not raised again.

        The judgement is a ``distinct_from`` link between its records,
        keeping its evidence and *note*; `unlink` withdraws it.
        """
        link = rejection_link(_suspicion(suspicion), note=note)
        return self._record_one(link)

    def unlink(self, link: str) -> Link:
        """
        Withdraw the link with id *link*, all or nothing.

        Raises:
            UnknownReferenceError: If there is no such link.
            ClaimtrackError: If the set would break a rule without it
                (a retraction that only its control allowed, say); then
                nothing changes.
        """
        removed = self.get_link(link)
        rest = self._empty()
        rest.record_many(
            r for r in self._store.records.values() if r.id != link
        )
        self._store = rest._store  # noqa: SLF001 (a set of this class)
        self._suspected = SuspicionCache()
        return removed

    def _held_suspicions_by_record(self) -> dict[str, list[Suspicion]]:
        """The suspicions that hold, filed under each record they join."""
        cache = self._suspected
        if cache.held_by_record is None:
            table: dict[str, list[Suspicion]] = {}
            for suspicion in self._all_suspicions():
                if suspicion.holds:
                    for record in suspicion.records:
                        table.setdefault(record, []).append(suspicion)
            cache.held_by_record = table
        return cache.held_by_record

    def _if_suspicions_hold(self) -> Store:
        """The store of this set with every suspicion that holds accepted."""
        cache = self._suspected
        if cache.if_held is None:
            held = [s for s in self._all_suspicions() if s.holds]
            hypothetical = self
            if held:
                hypothetical = self.copy()
                links: dict[str, Link] = {}
                for suspicion in held:
                    # Which of two undated records copies changes no count.
                    copier = (
                        None if suspicion.ordered else suspicion.records[-1]
                    )
                    try:
                        made = accepted_links(
                            self, suspicion, note=None, copier=copier
                        )
                    except InvalidValueError:
                        # A wire credit to a source nobody recorded, or in
                        # a document with no statement: nothing to tie.
                        continue
                    for link in made:
                        links.setdefault(link.id, link)
                hypothetical.record_many(links.values())
            cache.if_held = hypothetical._store  # noqa: SLF001 (this class)
        return cache.if_held

    def _with_suspicions(
        self, report: CorroborationReport
    ) -> CorroborationReport:
        """*report* with the suspicions that touch it, and what they do."""
        held_by_record = self._held_suspicions_by_record()
        if not held_by_record:
            return report
        touched = _touched(self, report)
        candidates: dict[int, Suspicion] = {}
        for record in touched:
            for suspicion in held_by_record.get(record, ()):
                candidates[id(suspicion)] = suspicion
        relevant = tuple(sorted(candidates.values(), key=strongest_first))
        counted = report.policy.suspicions == "count"
        if not relevant and not counted:
            return report
        hypothetical = self._if_suspicions_hold()
        policy = attrs.evolve(report.policy, suspicions="flag")
        then = corroborate(
            hypothetical,
            report.claim,
            report.as_of,
            policy,
        )
        if counted:
            report = attrs.evolve(then, policy=report.policy)
        return attrs.evolve(
            report,
            suspicions=relevant,
            groups_if_suspicions_hold=(
                len(then.asserting_groups),
                len(then.denying_groups),
            ),
        )

    def implied_derivations(
        self, *, policy: CorroborationPolicy | None = None
    ) -> tuple[Derivation, ...]:
        """
        Every derivation the rule infers from copying links and citations.

        A statement by a source that copies another (``copies_from``)
        derives from the copied source's statements on a claim of the
        same ``same_as`` class with the same stance, not dated after it;
        a statement that declares no parent, in a document that cites
        another, derives likewise from the cited document's statements.
        Derivations that would close a cycle are dropped. They are listed
        by statement id, then parent id.
        """
        implied = self._store.implied_by(self._chosen(policy).copying)
        return tuple(
            derivation
            for statement in sorted(implied)
            for derivation in implied[statement]
        )


def _touched(claim_set: Queries, report: CorroborationReport) -> set[str]:
    """The records a report's statements involve, for suspicions."""
    touched: set[str] = set(report.claims)
    statements = [
        *report.statements,
        *(
            o
            for g in (*report.asserting_groups, *report.denying_groups)
            for o in (*g.origins, *g.carriers)
        ),
    ]
    for statement in statements:
        touched.add(statement.id)
        touched.add(statement.source)
        touched.add(claim_set.canonical_source(statement.source))
        if statement.document is not None:
            touched.add(statement.document)
    return touched


def _suspicion(value: object) -> Suspicion:
    if not isinstance(value, Suspicion):
        raise InvalidValueError(
            "suspicion", value, "expected a Suspicion from suspicions()"
        )
    return value


def _suspicion_kinds(
    kinds: Iterable[SuspicionKind | str] | None,
) -> frozenset[SuspicionKind]:
    if kinds is None:
        return frozenset(SuspicionKind)
    if isinstance(kinds, str):
        kinds = [kinds]
    try:
        wanted = list(kinds)
    except TypeError:
        raise InvalidValueError(
            "kinds", kinds, "expected a list of kinds"
        ) from None
    return frozenset(to_kind(kind, "kinds") for kind in wanted)
