# SPDX-License-Identifier: MIT
"""Checks a batch of new records against a claim set before any is applied."""

from __future__ import annotations

import operator

from collections.abc import Iterator, Sequence
from itertools import repeat
from typing import cast

from claimtrack._affiliations import (
    controlled_by,
)
from claimtrack._batch_base import Finding
from claimtrack._claims import Claim
from claimtrack._dates import PartialDate, is_later
from claimtrack._documents import Document
from claimtrack._graphs import shortest_path, strongly_connected
from claimtrack._link_checks import LinkChecks
from claimtrack._links import (
    Link,
)
from claimtrack._quick_check import effective_date, surely_valid
from claimtrack._records import KIND_NAMES, RECORD_TYPES, Record
from claimtrack._reviews import Review
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement
from claimtrack.exceptions import (
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
    "describe",
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


_id_of = operator.attrgetter("id")


def _staged_at_once(new: Sequence[object]) -> dict[str, Record] | None:
    """
    *new* by id, if it holds records only and no id twice; else None.

    Then `Batch._duplicates` has nothing to report, and stages the
    records in one step rather than one at a time.
    """
    if not all(map(isinstance, new, repeat(RECORD_TYPES))):
        return None
    records = cast("Sequence[Record]", new)
    by_id = dict(zip(map(_id_of, records), records, strict=True))
    return by_id if len(by_id) == len(records) else None


class Batch(LinkChecks):
    """
    New records, checked together against the records already there.

    `problems` yields every error it finds, in a stable order; a batch
    with no problems can be applied record by record in any order.
    """

    def problems(self) -> Iterator[Finding]:
        """Every problem with the batch; none means it can be applied."""
        yield from self._duplicates()
        # Most records are plainly valid; only the others are looked at
        # closely, which finds and describes every problem they have.
        # With nothing recorded before (a load), the batch is all there is.
        resolve = self._staged.get if not self._records else self._resolve
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
        staged, new = self._staged, self._new
        if not self._records and not staged:
            # The first batch into an empty store (a load).
            at_once = _staged_at_once(new)
            if at_once is not None:
                self._staged = at_once
                self.new_records = list(new)
                return
        for record in new:
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

    # -- statements ----------------------------------------------------

    def _relay_cycles(self, statements: list[Statement]) -> Iterator[Finding]:
        """
        Name one relay cycle among new statements, and count the others.

        Old statements cannot derive from new ones, so every cycle lies
        among the new. The statements on a cycle are those in strongly
        connected components with a derivation inside; the first of them
        in the batch is the start, and a shortest cycle through it is
        named. Every other derivation inside a component lies on some
        cycle too: those are counted, not listed, so the error stays
        small whatever the batch.
        """
        staged = {s.id: s for s in statements}

        def parents(node: str) -> list[str]:
            return [p for p in staged[node].derives_from if p in staged]

        component = strongly_connected(staged, parents)
        inside = [
            (node, parent)
            for node in staged
            for parent in parents(node)
            if component[node] == component[parent]
        ]
        if not inside:
            return
        start = inside[0][0]
        path = shortest_path(
            start,
            start,
            lambda node: [(p, (node, i)) for i, p in enumerate(parents(node))],
        )
        assert path is not None  # a derivation inside a component
        cycle = [node for node, _ in path]
        last, position = path[-1]
        field = staged[last].derives_from.index(parents(last)[position])
        yield Finding(
            last,
            f"derives_from[{field}]",
            RelayCycleError(cycle, others=len(inside) - len(cycle)),
        )

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


def _derivations_loop(statements: list[Statement]) -> bool:
    """
    Whether the statements' derivations among themselves hold a cycle.

    Kahn's algorithm: statements are taken in an order where each comes
    after its parents; those never taken wait on a cycle. It only says
    whether there is one; `Batch._relay_cycles` finds and names them.
    """
    new = {statement.id for statement in statements}
    # Most batches list parents before their children (a loaded file is
    # sorted by id): then the list's own order shows there is no cycle.
    before: set[str] = set()
    for statement in statements:
        for parent in statement.derives_from:
            if parent in new and parent not in before:
                return _waits_on_a_cycle(statements, new)
        before.add(statement.id)
    return False


def _waits_on_a_cycle(statements: list[Statement], new: set[str]) -> bool:
    """Kahn's algorithm over *statements*, whose ids are *new*."""
    waiting: dict[str, int] = {}
    children: dict[str, list[str]] = {}
    ready: list[str] = []
    for statement in statements:
        if not statement.derives_from:
            ready.append(statement.id)
            continue
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
