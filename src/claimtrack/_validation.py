# SPDX-License-Identifier: MIT
"""Checks a batch of new records against a claim set before any is applied."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple, Protocol

from claimtrack._affiliations import (
    controlled_by,
    find_affiliation_cycle,
    strong_components,
)
from claimtrack._claims import Claim
from claimtrack._dates import PartialDate, is_later
from claimtrack._documents import Document
from claimtrack._graphs import UnionFind
from claimtrack._links import (
    CLAIM_RELATIONS,
    HIERARCHICAL_RELATIONS,
    JUDGEMENT_RELATIONS,
    SOURCE_RELATIONS,
    Link,
    Relation,
)
from claimtrack._records import KIND_NAMES, RECORD_TYPES, Record
from claimtrack._reviews import Review
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement
from claimtrack.exceptions import (
    AffiliationCycleError,
    ClaimtrackError,
    DuplicateIdError,
    InvalidRetractionError,
    InvalidValueError,
    RelayCycleError,
    TemporalInconsistencyError,
    UnknownReferenceError,
)


__all__ = [
    "Batch",
    "Finding",
    "describe",
    "effective_date",
    "surely_valid",
]


def describe(record: Record) -> str:
    """A short description of *record* for messages."""
    kind = KIND_NAMES.get(type(record), type(record).__name__)
    if isinstance(record, Link):
        return (
            f"link {record.subject!r} {record.relation.value} "
            f"{record.object!r}"
        )
    if isinstance(record, Statement):
        return (
            f"statement by {record.source!r} about {record.claim!r} "
            f"({record.stance.value})"
        )
    if isinstance(record, Source):
        return f"source {record.name!r}"
    if isinstance(record, Review):
        return f"review by {record.reviewer!r} of {record.claim!r}"
    return kind


def effective_date(
    statement: Statement, resolve: Callable[[str], Record | None]
) -> PartialDate | None:
    """
    When *statement* counts as said: its own date, else its document's.

    *resolve* finds a record by id; an unknown document gives None.
    """
    if statement.date is not None or statement.document is None:
        return statement.date
    document = resolve(statement.document)
    return document.date if isinstance(document, Document) else None


def surely_valid(
    record: Record, resolve: Callable[[str], Record | None]
) -> bool:
    """
    Whether a new *record* surely passes every check of a `Batch`.

    A quick test for the common case: a source or a claim; a document
    whose sources and cited documents are there, none published after
    it; a statement (not a retraction) whose claim, source, document and
    parents are there, no parent a retraction or dated after it (dates
    are effective dates: a statement's own, else its document's). *resolve* finds a record by id
    among those there. False means "let a `Batch` decide", not "invalid":
    links, reviews and retractions always go to a `Batch`, and so does
    every problem, which the `Batch` reports in full. The caller has
    checked that the id is new.
    """
    kind = type(record)
    if kind is Source or kind is Claim:
        return True
    if kind is Statement:
        assert isinstance(record, Statement)  # for the type checker
        return record.target is None and _plain_statement(record, resolve)
    if kind is Document:
        assert isinstance(record, Document)
        return (
            (
                record.publisher is None
                or type(resolve(record.publisher)) is Source
            )
            and _all_of(record.authors, Source, resolve)
            and _all_of(record.cites, Document, resolve)
            and not any(
                _cites_later(record, cited, resolve) for cited in record.cites
            )
        )
    return False


def _plain_statement(
    statement: Statement, resolve: Callable[[str], Record | None]
) -> bool:
    """Whether a statement's references and parents' dates are sound."""
    if (
        type(resolve(statement.claim)) is not Claim
        or type(resolve(statement.source)) is not Source
        or (
            statement.document is not None
            and type(resolve(statement.document)) is not Document
        )
    ):
        return False
    if not statement.derives_from:
        return True
    date = effective_date(statement, resolve)
    for parent_id in statement.derives_from:
        parent = resolve(parent_id)
        if (
            type(parent) is not Statement
            or parent.stance is Stance.RETRACTS
            or is_later(effective_date(parent, resolve), date)
        ):
            return False
    return True


def _cites_later(
    document: Document,
    cited_id: str,
    resolve: Callable[[str], Record | None],
) -> bool:
    cited = resolve(cited_id)
    return isinstance(cited, Document) and is_later(cited.date, document.date)


def _all_of(
    ids: tuple[str, ...],
    kind: type[Record],
    resolve: Callable[[str], Record | None],
) -> bool:
    return all(type(resolve(id)) is kind for id in ids)


class Finding(NamedTuple):
    """One problem with a batch, and where it lies."""

    record: str | None
    """The id of the record at fault (None if it is not a record)."""
    field: str | None
    """The field of that record at fault, e.g. ``"derives_from[1]"``."""
    error: ClaimtrackError
    """The error to raise."""


class Recorded(Protocol):
    """What a `Batch` reads of the records already there (a store)."""

    @property
    def records(self) -> Mapping[str, Record]:
        """Every record by id."""

    @property
    def same_source(self) -> UnionFind:
        """The ``same_as`` classes of sources."""

    @property
    def source_links(self) -> Mapping[str, Sequence[Link]]:
        """The affiliations from each source, ``same_as`` aside."""

    @property
    def subordinates(self) -> Mapping[str, int]:
        """How many hierarchical links point at each source."""


class Batch:
    """
    New records, checked together against the records already there.

    `problems` yields every error it finds, in a stable order; a batch
    with no problems can be applied record by record in any order.
    """

    def __init__(self, recorded: Recorded, new: Sequence[Record]) -> None:
        self._records = recorded.records
        self._same_source = recorded.same_source
        self._source_links = recorded.source_links
        self._subordinates = recorded.subordinates
        self._new = new
        self._staged: dict[str, Record] = {}
        self.new_records: list[Record] = []
        self._partition: UnionFind | None = None
        self._overlay: _Overlay | None = None

    def problems(self) -> Iterator[Finding]:
        """Every problem with the batch; none means it can be applied."""
        yield from self._duplicates()
        # Most records are plainly valid; only the others are looked at
        # closely, which finds and describes every problem they have.
        resolve = self._resolve
        doubtful = [
            record
            for record in self.new_records
            if not surely_valid(record, resolve)
        ]
        broken = False
        for record in doubtful:
            for finding in self._references(record):
                broken = True
                yield finding
        if broken:
            return
        statements = [r for r in self.new_records if isinstance(r, Statement)]
        if len(statements) > 1 and _derivations_loop(statements):
            yield from self._relay_cycles(statements)
            return
        for record in doubtful:
            if isinstance(record, Statement):
                yield from self._statement_rules(record)
            elif isinstance(record, Document):
                yield from self._document_rules(record)
        yield from self._affiliation_cycles()

    # -- ids -----------------------------------------------------------

    def _duplicates(self) -> Iterator[Finding]:
        staged = self._staged
        for record in self._new:
            if not isinstance(record, RECORD_TYPES):
                yield Finding(
                    None,
                    None,
                    InvalidValueError(
                        "record", record, "not a claimtrack record"
                    ),
                )
                continue
            existing = staged.get(record.id) or self._records.get(record.id)
            if existing is None:
                staged[record.id] = record
                self.new_records.append(record)
            elif existing != record:
                yield Finding(
                    record.id,
                    "id",
                    DuplicateIdError(
                        record.id,
                        existing=describe(existing),
                        new=describe(record),
                    ),
                )

    def _resolve(self, id: str) -> Record | None:
        return self._staged.get(id) or self._records.get(id)

    def _expect(
        self, id: str, kind: type[Record], referrer: str, field: str
    ) -> Iterator[Finding]:
        found = self._resolve(id)
        if not isinstance(found, kind):
            yield Finding(
                referrer,
                field,
                UnknownReferenceError(
                    KIND_NAMES[kind],
                    id,
                    found=None if found is None else KIND_NAMES[type(found)],
                    referrer=referrer,
                ),
            )

    # -- references ----------------------------------------------------

    def _references(self, record: Record) -> Iterator[Finding]:
        expect, id = self._expect, record.id
        if isinstance(record, Statement):
            yield from expect(record.claim, Claim, id, "claim")
            yield from expect(record.source, Source, id, "source")
            if record.document is not None:
                yield from expect(record.document, Document, id, "document")
            for i, parent in enumerate(record.derives_from):
                field = f"derives_from[{i}]"
                yield from expect(parent, Statement, id, field)
                found = self._resolve(parent)
                if (
                    isinstance(found, Statement)
                    and found.stance is Stance.RETRACTS
                ):
                    yield Finding(
                        id,
                        field,
                        InvalidValueError(
                            "derives_from",
                            parent,
                            f"{id!r} cannot derive from a retraction",
                        ),
                    )
            if record.target is not None:
                yield from expect(record.target, Statement, id, "target")
        elif isinstance(record, Document):
            if record.publisher is not None:
                yield from expect(record.publisher, Source, id, "publisher")
            for i, author in enumerate(record.authors):
                yield from expect(author, Source, id, f"authors[{i}]")
            for i, cited in enumerate(record.cites):
                yield from expect(cited, Document, id, f"cites[{i}]")
        elif isinstance(record, Link):
            yield from self._link_ends(record)
        elif isinstance(record, Review):
            yield from self._review_references(record)

    def _review_references(self, review: Review) -> Iterator[Finding]:
        expect, id = self._expect, review.id
        yield from expect(review.claim, Claim, id, "claim")
        yield from expect(review.reviewer, Source, id, "reviewer")
        for i, item in enumerate(review.evidence):
            found = self._resolve(item.record)
            if not isinstance(found, (Statement, Document)):
                yield Finding(
                    id,
                    f"evidence[{i}].record",
                    UnknownReferenceError(
                        "statement or document",
                        item.record,
                        found=None
                        if found is None
                        else KIND_NAMES[type(found)],
                        referrer=id,
                    ),
                )
        for i, reviewed in enumerate(review.reviewed):
            field = f"reviewed[{i}]"
            yield from expect(reviewed, Statement, id, field)
            found = self._resolve(reviewed)
            if isinstance(found, Statement) and found.claim != review.claim:
                yield Finding(
                    id,
                    field,
                    InvalidValueError(
                        "reviewed",
                        reviewed,
                        f"review {id!r} is about claim {review.claim!r}, "
                        f"and statement {reviewed!r} about "
                        f"{found.claim!r}",
                    ),
                )

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

    # -- statements ----------------------------------------------------

    def _relay_cycles(self, statements: list[Statement]) -> Iterator[Finding]:
        """Cycles among new statements (old ones cannot point to new)."""
        staged = {s.id: s for s in statements}
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for first in statements:
            if first.id in state:
                continue
            path: list[str] = []
            stack: list[tuple[str, int]] = [(first.id, 0)]
            while stack:
                node, position = stack.pop()
                if position == 0:
                    state[node] = 1
                    path.append(node)
                parents = staged[node].derives_from
                if position < len(parents):
                    stack.append((node, position + 1))
                    parent = parents[position]
                    if parent not in staged:
                        continue
                    if state.get(parent) == 1:
                        cycle = path[path.index(parent) :]
                        yield Finding(
                            cycle[-1],
                            f"derives_from[{position}]",
                            RelayCycleError(cycle),
                        )
                    elif parent not in state:
                        stack.append((parent, 0))
                else:
                    state[node] = 2
                    path.pop()

    def _canonical(self, source: str) -> str:
        return self._merged_partition().find(source)

    def _merged_partition(self) -> UnionFind:
        if self._partition is None:
            merges = [
                r
                for r in self.new_records
                if isinstance(r, Link)
                and r.relation is Relation.SAME_AS
                and isinstance(self._resolve(r.subject), Source)
            ]
            if merges:
                self._partition = self._same_source.copy()
                for link in merges:
                    self._partition.union(link.subject, link.object)
            else:
                self._partition = self._same_source
        return self._partition

    def _document_rules(self, document: Document) -> Iterator[Finding]:
        for i, cited_id in enumerate(document.cites):
            cited = self._resolve(cited_id)
            assert isinstance(cited, Document)
            if is_later(cited.date, document.date):
                yield Finding(
                    document.id,
                    f"cites[{i}]",
                    TemporalInconsistencyError(
                        document.id,
                        cited.id,
                        f"it is dated {document.date} and cites a document "
                        f"dated {cited.date}",
                        kind="document",
                    ),
                )

    def _dated(self, statement: Statement) -> str:
        """*statement*'s effective date in words, for messages."""
        own = statement.date
        if own is not None or statement.document is None:
            return f"dated {own}"
        return (
            f"dated {effective_date(statement, self._resolve)} (the date "
            f"of its document {statement.document!r})"
        )

    def _statement_rules(self, statement: Statement) -> Iterator[Finding]:
        date = effective_date(statement, self._resolve)
        for i, parent_id in enumerate(statement.derives_from):
            parent = self._resolve(parent_id)
            assert isinstance(parent, Statement)
            if is_later(effective_date(parent, self._resolve), date):
                yield Finding(
                    statement.id,
                    f"derives_from[{i}]",
                    TemporalInconsistencyError(
                        statement.id,
                        parent.id,
                        f"it is {self._dated(statement)} and derives from "
                        f"a statement {self._dated(parent)}",
                    ),
                )
        if statement.target is None:
            return
        error = self._retraction_error(statement, statement.target)
        if error is not None:
            yield Finding(statement.id, "target", error)

    def _retraction_error(
        self, statement: Statement, target_id: str
    ) -> ClaimtrackError | None:
        target = self._resolve(target_id)
        assert isinstance(target, Statement)
        if target.stance is Stance.RETRACTS:
            return InvalidRetractionError(
                statement.id, target.id, "a retraction cannot be retracted"
            )
        date = effective_date(statement, self._resolve)
        if self._canonical(target.source) != self._canonical(
            statement.source
        ) and not self._controls(statement.source, target.source, date):
            return InvalidRetractionError(
                statement.id,
                target.id,
                f"it was made by {target.source!r}, and only that source "
                "(or a same_as record of it) or a source that controls it "
                f"at the retraction's date may retract it, not "
                f"{statement.source!r}",
            )
        if target.claim != statement.claim:
            return InvalidRetractionError(
                statement.id,
                target.id,
                f"the retraction is about claim {statement.claim!r} but the "
                f"statement is about {target.claim!r}",
            )
        if is_later(effective_date(target, self._resolve), date):
            return TemporalInconsistencyError(
                statement.id,
                target.id,
                f"it is {self._dated(statement)} and retracts a statement "
                f"{self._dated(target)}",
            )
        return None

    def _controls(
        self, ancestor: str, source: str, when: PartialDate | None
    ) -> bool:
        """Whether *ancestor* controls *source* at *when* (with the batch)."""
        graph = self._graph()
        return controlled_by(
            graph,
            graph.canonical_source(source),
            graph.canonical_source(ancestor),
            when,
        )

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

    # -- affiliations --------------------------------------------------

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
        # A same_as can close a cycle made wholly of older links.
        for root in sorted(merged):
            candidates.extend(
                lk
                for lk in graph.links_from(root)
                if lk.relation in HIERARCHICAL_RELATIONS
            )
        # A cycle through a link must come back into its subject: with
        # nothing under the subject, there is nothing to search. Else,
        # ignoring time, its two ends must be in one strong component.
        candidates = [
            lk
            for lk in dict.fromkeys(candidates)
            if graph.has_subordinates(graph.canonical_source(lk.subject))
        ]
        if not candidates:
            return
        component = strong_components(
            graph,
            (graph.canonical_source(lk.subject) for lk in candidates),
            _is_hierarchical,
        )
        reported: set[frozenset[str]] = set()
        for link in candidates:
            subject = component.get(graph.canonical_source(link.subject))
            if subject != component.get(graph.canonical_source(link.object)):
                continue
            cycle = find_affiliation_cycle(graph, link, HIERARCHICAL_RELATIONS)
            if cycle is None:
                continue
            key = frozenset(lk.id for lk in cycle)
            if key not in reported:
                reported.add(key)
                yield Finding(
                    cycle[0].id,
                    "object",
                    AffiliationCycleError(
                        [lk.subject for lk in cycle], [lk.id for lk in cycle]
                    ),
                )


class _Overlay:
    """The affiliation graph as it would be with a batch's links added."""

    def __init__(self, batch: Batch, links: list[Link]) -> None:
        self._batch = batch
        self._partition = batch._merged_partition()  # noqa: SLF001
        self._extra: dict[str, list[Link]] = {}
        self._extra_under: dict[str, int] = {}
        for link in links:
            if link.relation is not Relation.SAME_AS:
                self._extra.setdefault(link.subject, []).append(link)
            if link.relation in HIERARCHICAL_RELATIONS:
                under = self._extra_under
                under[link.object] = under.get(link.object, 0) + 1
        self._sorted: dict[str, list[Link]] = {}

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""
        return self._partition.find(source)

    def links_from(self, canonical: str) -> Sequence[Link]:
        found = self._sorted.get(canonical)
        if found is None:
            old = self._batch._source_links  # noqa: SLF001
            found = []
            for member in self._partition.members(canonical):
                found.extend(old.get(member, ()))
                found.extend(self._extra.get(member, ()))
            found.sort(key=lambda lk: (lk.relation.value, lk.object, lk.id))
            self._sorted[canonical] = found
        return found

    def has_subordinates(self, canonical: str) -> bool:
        """Whether any hierarchical link points into the class."""
        old = self._batch._subordinates  # noqa: SLF001
        return any(
            old.get(member) or self._extra_under.get(member)
            for member in self._partition.members(canonical)
        )


def _is_hierarchical(link: Link) -> bool:
    return link.relation in HIERARCHICAL_RELATIONS


def _names(relations: frozenset[Relation]) -> str:
    return ", ".join(sorted(r.value for r in relations))


def _derivations_loop(statements: list[Statement]) -> bool:
    """
    Whether the statements' derivations among themselves hold a cycle.

    Kahn's algorithm: statements are taken in an order where each comes
    after its parents; those never taken wait on a cycle. It only says
    whether there is one; `Batch._relay_cycles` finds and names them.
    """
    new = {statement.id for statement in statements}
    waiting: dict[str, int] = {}
    children: dict[str, list[str]] = {}
    ready: list[str] = []
    for statement in statements:
        parents = [p for p in statement.derives_from if p in new]
        if parents:
            waiting[statement.id] = len(parents)
            for parent in parents:
                children.setdefault(parent, []).append(statement.id)
        else:
            ready.append(statement.id)
    taken = 0
    while ready:
        taken += 1
        for child in children.get(ready.pop(), ()):
            waiting[child] -= 1
            if not waiting[child]:
                ready.append(child)
    return taken != len(statements)
