# SPDX-License-Identifier: MIT
"""The checks of new links: the kinds they join, copying rules, cycles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimtrack._affiliations import (
    find_affiliation_cycle,
    strong_components,
)
from claimtrack._batch_base import BatchBase, Finding, Recorded
from claimtrack._claims import Claim
from claimtrack._dates import is_later
from claimtrack._documents import Document
from claimtrack._graphs import MergedClasses, reaches
from claimtrack._links import (
    CLAIM_RELATIONS,
    HIERARCHICAL_RELATIONS,
    JUDGEMENT_RELATIONS,
    SOURCE_RELATIONS,
    Link,
    Relation,
)
from claimtrack._quick_check import effective_date
from claimtrack._records import KIND_NAMES, Record
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement
from claimtrack.exceptions import (
    AffiliationCycleError,
    InvalidValueError,
    TemporalInconsistencyError,
    UnknownReferenceError,
)


__all__ = [
    "LinkChecks",
]


class LinkChecks(BatchBase):
    """The checks of new links: their ends, judgements, copying, cycles."""

    def __init__(self, recorded: Recorded, new: Sequence[Record]) -> None:
        super().__init__(recorded, new)
        self._overlay: _Overlay | None = None

    def _new_source_links(self) -> list[Link]:
        return [
            r
            for r in self.new_records
            if isinstance(r, Link)
            and isinstance(self._resolve(r.subject), Source)
        ]

    def _graph(self) -> _Overlay:
        """The affiliation graph with the batch's links (made once)."""
        if self._overlay is None:
            self._overlay = _Overlay(self, self._new_source_links())
        return self._overlay

    def _link_ends(self, link: Link) -> Iterator[Finding]:
        if link.relation in JUDGEMENT_RELATIONS:
            yield from self._judgement_ends(link)
            return
        subject, obj = self._resolve(link.subject), self._resolve(link.object)
        for field, end, found in (
            ("subject", link.subject, subject),
            ("object", link.object, obj),
        ):
            if not isinstance(found, (Source, Claim)):
                yield Finding(
                    link.id,
                    field,
                    UnknownReferenceError(
                        "source or claim",
                        end,
                        found=None
                        if found is None
                        else KIND_NAMES[type(found)],
                        referrer=link.id,
                    ),
                )
        if not isinstance(subject, (Source, Claim)) or not isinstance(
            obj, (Source, Claim)
        ):
            return
        relation = link.relation
        problem: tuple[str, object, str] | None = None
        if type(subject) is not type(obj):
            problem = (
                "relation",
                relation.value,
                (
                    f"link {link.id!r} joins a {KIND_NAMES[type(subject)]} to "
                    f"a {KIND_NAMES[type(obj)]}; links join two sources or "
                    "two claims"
                ),
            )
        elif isinstance(subject, Source) and relation not in SOURCE_RELATIONS:
            problem = (
                "relation",
                relation.value,
                (
                    f"link {link.id!r}: {relation.value} relates claims, not "
                    f"sources (source relations: {_names(SOURCE_RELATIONS)})"
                ),
            )
        elif isinstance(subject, Claim) and relation not in CLAIM_RELATIONS:
            problem = (
                "relation",
                relation.value,
                (
                    f"link {link.id!r}: {relation.value} relates sources, not "
                    f"claims (claim relations: {_names(CLAIM_RELATIONS)})"
                ),
            )
        elif link.is_dated and (
            isinstance(subject, Claim) or relation is Relation.SAME_AS
        ):
            problem = (
                "valid_from" if link.valid_from else "valid_to",
                link.valid_from or link.valid_to,
                (
                    f"link {link.id!r}: only affiliations between sources "
                    "hold between dates"
                ),
            )
        elif link.subject == link.object and (
            isinstance(subject, Claim)
            or relation not in HIERARCHICAL_RELATIONS
        ):
            problem = (
                "object",
                link.object,
                f"link {link.id!r} links a record to itself",
            )
        if problem is not None:
            field, value, reason = problem
            yield Finding(
                link.id, field, InvalidValueError(field, value, reason)
            )

    def _judgement_ends(self, link: Link) -> Iterator[Finding]:
        """The ends of a ``copies`` or ``distinct_from`` link."""
        allowed: tuple[type[Record], ...] = (Statement, Document)
        if link.relation is Relation.DISTINCT_FROM:
            allowed = (Source, Claim, Statement, Document)
        ends = (
            ("subject", link.subject, self._resolve(link.subject)),
            ("object", link.object, self._resolve(link.object)),
        )
        for field, end, found in ends:
            if not isinstance(found, allowed):
                yield Finding(
                    link.id,
                    field,
                    UnknownReferenceError(
                        " or ".join(KIND_NAMES[kind] for kind in allowed),
                        end,
                        found=None
                        if found is None
                        else KIND_NAMES[type(found)],
                        referrer=link.id,
                    ),
                )
                return
        subject, obj = ends[0][2], ends[1][2]
        problem: tuple[str, object, str] | None = None
        distinct = link.relation is Relation.DISTINCT_FROM
        if type(subject) is not type(obj) and not distinct:
            problem = (
                "object",
                link.object,
                (
                    f"link {link.id!r}: {link.relation.value} joins two "
                    f"records of one kind, not a {KIND_NAMES[type(subject)]} "
                    f"and a {KIND_NAMES[type(obj)]}"
                ),
            )
        elif link.subject == link.object and not (
            distinct and isinstance(subject, Document)
        ):
            # A document distinct_from itself: its credit lines are judged
            # not to mean it copies anyone (a rejected wire credit).
            problem = (
                "object",
                link.object,
                f"link {link.id!r} links a record to itself",
            )
        elif link.is_dated:
            problem = (
                "valid_from" if link.valid_from else "valid_to",
                link.valid_from or link.valid_to,
                (
                    f"link {link.id!r}: only affiliations between sources "
                    "hold between dates"
                ),
            )
        if problem is not None:
            field, value, reason = problem
            yield Finding(
                link.id, field, InvalidValueError(field, value, reason)
            )
            return
        if (
            link.relation is Relation.COPIES
            and subject is not None
            and obj is not None
        ):
            yield from self._copy_rules(link, subject, obj)

    def _copy_rules(
        self, link: Link, copier: Record, copied: Record
    ) -> Iterator[Finding]:
        """A copy is of a record not later, and never of a retraction."""
        if isinstance(copier, Statement) and isinstance(copied, Statement):
            if Stance.RETRACTS in (copier.stance, copied.stance):
                yield Finding(
                    link.id,
                    "object",
                    InvalidValueError(
                        "object",
                        link.object,
                        f"link {link.id!r}: a retraction neither copies nor "
                        "is copied",
                    ),
                )
                return
            if is_later(
                effective_date(copied, self._resolve),
                effective_date(copier, self._resolve),
            ):
                yield Finding(
                    link.id,
                    "object",
                    TemporalInconsistencyError(
                        copier.id,
                        copied.id,
                        f"it is {self._dated(copier)} and copies a "
                        f"statement {self._dated(copied)}",
                    ),
                )
        elif (
            isinstance(copier, Document)
            and isinstance(copied, Document)
            and is_later(copied.date, copier.date)
        ):
            yield Finding(
                link.id,
                "object",
                TemporalInconsistencyError(
                    copier.id,
                    copied.id,
                    f"it is dated {copier.date} and copies a document dated "
                    f"{copied.date}",
                    kind="document",
                ),
            )

    def _affiliation_cycles(self) -> Iterator[Finding]:
        links = self._new_source_links()
        if not links:
            return
        graph = self._graph()
        candidates = [
            lk for lk in links if lk.relation in HIERARCHICAL_RELATIONS
        ]
        merged = {
            self._canonical(lk.subject)
            for lk in links
            if lk.relation is Relation.SAME_AS
        }
        # A same_as can close a cycle made wholly of older links. Such a
        # cycle goes into one of the classes it merges and out of another,
        # so the links into and out of all but the largest are enough: an
        # id is in a smaller class at most log n times over many merges.
        for root in sorted(merged):
            if graph.has_subordinates(root):
                candidates.extend(graph.links_around_smaller(root))
        # A cycle through a link must come back into its subject: with
        # nothing under the subject, there is nothing to search. Else,
        # ignoring time, its object must reach its subject.
        candidates = [
            lk
            for lk in dict.fromkeys(candidates)
            if graph.has_subordinates(graph.canonical_source(lk.subject))
        ]
        if not candidates:
            return
        yield from self._cycles_through(graph, candidates)

    def _cycles_through(
        self, graph: _Overlay, candidates: list[Link]
    ) -> Iterator[Finding]:
        """One cycle through each candidate not on a cycle already named."""
        canonical = graph.canonical_source
        if len(candidates) > _FEW:
            # Many links: one pass of Tarjan's algorithm over all of them.
            component = strong_components(
                graph,
                (canonical(lk.subject) for lk in candidates),
                _is_hierarchical,
            )

            def possible(link: Link) -> bool:
                subject = component.get(canonical(link.subject))
                return subject == component.get(canonical(link.object))

        else:
            # A few: search from both ends, which stops at once when
            # little lies under the subject or above the object.
            def possible(link: Link) -> bool:
                return reaches(
                    canonical(link.object),
                    canonical(link.subject),
                    graph.above,
                    graph.below,
                )

        named: set[str] = set()
        for link in candidates:
            # A link on a cycle already named adds nothing new to say, and
            # would cost a search the size of that cycle again.
            if link.id in named or not possible(link):
                continue
            cycle = find_affiliation_cycle(graph, link, HIERARCHICAL_RELATIONS)
            if cycle is None:
                continue
            named.update(lk.id for lk in cycle)
            yield Finding(
                cycle[0].id,
                "object",
                AffiliationCycleError(
                    [lk.subject for lk in cycle], [lk.id for lk in cycle]
                ),
            )


_FEW = 8
"""Up to this many candidate links, each is searched from both ends."""


class _Overlay:
    """The affiliation graph as it would be with a batch's links added."""

    def __init__(self, batch: BatchBase, links: list[Link]) -> None:
        self._batch = batch
        self._partition = batch.merged_sources()
        self._extra: dict[str, list[Link]] = {}
        self._extra_in: dict[str, list[Link]] = {}
        self._extra_under: dict[str, int] = {}
        for link in links:
            if link.relation is not Relation.SAME_AS:
                self._extra.setdefault(link.subject, []).append(link)
                self._extra_in.setdefault(link.object, []).append(link)
            if link.relation in HIERARCHICAL_RELATIONS:
                root = self._partition.find(link.object)
                under = self._extra_under
                under[root] = under.get(root, 0) + 1
        self._sorted: dict[str, list[Link]] = {}

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""
        return self._partition.find(source)

    def links_from(self, canonical: str) -> Sequence[Link]:
        found = self._sorted.get(canonical)
        if found is None:
            old = self._batch.source_links
            found = []
            for member in self._partition.members(canonical):
                found.extend(old.get(member, ()))
                found.extend(self._extra.get(member, ()))
            found.sort(key=lambda lk: (lk.relation.value, lk.object, lk.id))
            self._sorted[canonical] = found
        return found

    def above(self, canonical: str) -> list[str]:
        """The classes a class is directly under (hierarchical links)."""
        return [
            self.canonical_source(link.object)
            for link in self.links_from(canonical)
            if link.relation in HIERARCHICAL_RELATIONS
        ]

    def below(self, canonical: str) -> list[str]:
        """The classes directly under a class (hierarchical links)."""
        old = self._batch.source_links_in
        return [
            self.canonical_source(link.subject)
            for member in self._partition.members(canonical)
            for links in (old.get(member, ()), self._extra_in.get(member, ()))
            for link in links
            if link.relation in HIERARCHICAL_RELATIONS
        ]

    def _old_classes(self, canonical: str) -> list[str]:
        """The classes there before the batch that make up *canonical*'s."""
        partition = self._partition
        if isinstance(partition, MergedClasses):
            return partition.old_classes(canonical)
        return [canonical]

    def has_subordinates(self, canonical: str) -> bool:
        """Whether any hierarchical link points into the class."""
        old = self._batch.class_subordinates
        return bool(self._extra_under.get(canonical)) or any(
            old.get(root) for root in self._old_classes(canonical)
        )

    def links_around_smaller(self, canonical: str) -> list[Link]:
        """
        Hierarchical links into or out of the old classes merged here.

        All but the largest of them (the first by id among the largest).
        """
        classes = self._old_classes(canonical)
        if len(classes) < 2:
            return []
        base = self._batch.merged_sources()
        assert isinstance(base, MergedClasses)
        members = {root: base.base.members(root) for root in classes}
        largest = min(classes, key=lambda root: (-len(members[root]), root))
        old_out, old_in = self._batch.source_links, self._batch.source_links_in
        found: list[Link] = []
        for root in classes:
            if root == largest:
                continue
            for member in members[root]:
                for table in (old_out, self._extra, old_in, self._extra_in):
                    found.extend(
                        link
                        for link in table.get(member, ())
                        if link.relation in HIERARCHICAL_RELATIONS
                    )
        return found


def _is_hierarchical(link: Link) -> bool:
    return link.relation in HIERARCHICAL_RELATIONS


def _names(relations: frozenset[Relation]) -> str:
    return ", ".join(sorted(r.value for r in relations))
