# SPDX-License-Identifier: MIT
"""`ClaimSet`: the one mutable aggregate; records, links and answers."""

from __future__ import annotations

import hashlib
import os

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar, cast

import attrs

from claimtrack._affiliations import (
    Independence,
    dependence,
)
from claimtrack._bulk import gc_paused
from claimtrack._claims import Claim
from claimtrack._corroboration import corroborate
from claimtrack._dates import DateLike, PartialDate
from claimtrack._derivations import Derivation
from claimtrack._documents import Document
from claimtrack._fields import text_tuple
from claimtrack._files import write_atomically
from claimtrack._json_document import (
    chunks,
    parse_document,
    problems_at,
    read_json,
)
from claimtrack._judgements import accepted_links, rejection_link
from claimtrack._links import (
    Link,
    Relation,
    link_id,
    to_relation,
)
from claimtrack._ordering import natural_key
from claimtrack._policy import DEFAULT_POLICY, CorroborationPolicy
from claimtrack._records import (
    KIND_NAMES,
    RECORD_TYPES,
    Record,
    differences,
    fold,
)
from claimtrack._report import CorroborationReport
from claimtrack._reviews import Evidence, Rating, Review
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement
from claimtrack._store import Store
from claimtrack._suspicions import (
    AFFECTED,
    Suspicion,
    SuspicionKind,
    not_judged,
    strongest_first,
    suspicions_of_kind,
    to_kind,
)
from claimtrack._validation import (
    Batch,
    Finding,
    plainly_valid,
)
from claimtrack.exceptions import (
    Conflict,
    FormatError,
    InvalidValueError,
    MergeConflictError,
    UnknownReferenceError,
)


__all__ = ["ClaimSet"]

R = TypeVar("R", bound=Record)


@attrs.define(eq=False, repr=False)
class ClaimSet:
    """
    Sources, documents, claims, statements, links and reviews, and answers.

    Every record has an id unique in the set. Recording a record that
    breaks a rule raises a `ClaimtrackError` and leaves the set as it was;
    recording one identical to a record already there does nothing.

    Args:
        policy: The `CorroborationPolicy` that `corroboration` uses
            unless told otherwise.
    """

    policy: CorroborationPolicy = attrs.field(
        default=DEFAULT_POLICY, validator=lambda _s, _a, v: _policy(v)
    )
    _store: Store = attrs.field(init=False, factory=Store)
    _suspected: list[Suspicion] | None = attrs.field(init=False, default=None)
    _by_kind: dict[SuspicionKind, list[Suspicion]] = attrs.field(
        init=False, factory=dict
    )
    _held_by_record: dict[str, list[Suspicion]] | None = attrs.field(
        init=False, default=None
    )
    _if_held: ClaimSet | None = attrs.field(init=False, default=None)

    # -- recording ---------------------------------------------------

    def record_source(
        self,
        id: str,
        *,
        name: str,
        kind: str | None = None,
        aliases: Iterable[str] = (),
        reliability: str | None = None,
    ) -> Source:
        """
        Record a speaker.

        Args:
            id: Its id, unique in the set.
            name: Its name.
            kind: What it is: ``"state"``, ``"armed_force"``,
                ``"news_outlet"``... (see `COMMON_SOURCE_KINDS`).
            aliases: Other names it goes by.
            reliability: Admiralty reliability letter, ``"A"`` to ``"F"``.

        Returns:
            The recorded `Source`.

        Raises:
            DuplicateIdError: If *id* names a different record.
            InvalidValueError: If a value is malformed.
        """
        source = Source(
            id=id,
            name=name,
            kind=kind,
            aliases=aliases,
            reliability=reliability,
        )
        return self._record_one(source)

    def record_document(
        self,
        id: str,
        *,
        publisher: str | None = None,
        date: DateLike | None = None,
        title: str | None = None,
        url: str | None = None,
        kind: str | None = None,
        authors: Iterable[str] = (),
        cites: Iterable[str] = (),
        relative_to: DateLike | None = None,
        text: str | None = None,
    ) -> Document:
        """
        Record a document: a communiqué, report, article or post.

        Args:
            id: Its id, unique in the set.
            publisher: The id of the source that published it.
            date: When it was published: ISO 8601 of any precision
                (``"2025"``, ``"2025-06"``, ``"2025-06-04"``, a datetime),
                or a relative day (``"Wednesday"``) with *relative_to*.
            title: Its title.
            url: Where it can be read.
            kind: What sort of document it is.
            authors: Ids of the sources that wrote it.
            cites: Ids of earlier documents it cites.
            relative_to: The date a relative *date* is resolved against
                (for a communiqué "issued on Wednesday", the date of the
                article that says so).
            text: Its body as published, kept exactly; what
                `suspicions` compares to find reused text and wire
                credits.

        Returns:
            The recorded `Document`.

        Raises:
            UnknownReferenceError: If a source or document is unknown.
            DuplicateIdError: If *id* names a different record.
            InvalidValueError: If a value is malformed, or *date* is
                relative and *relative_to* is missing.
        """
        document = Document(
            id=id,
            publisher=publisher,
            date=_date(date, relative_to),
            title=title,
            url=url,
            kind=kind,
            authors=authors,
            cites=cites,
            text=text,
        )
        return self._record_one(document)

    def record_claim(
        self,
        id: str,
        *,
        text: str,
        places: Iterable[str] = (),
        event_date: DateLike | None = None,
        tags: Iterable[str] = (),
    ) -> Claim:
        """
        Record a claim: a proposition that can be true or false.

        Args:
            id: Its id, unique in the set.
            text: The proposition in plain words.
            places: Place names it concerns (every spelling you meet).
            event_date: When the event happened, if known.
            tags: Free labels to find it by.

        Returns:
            The recorded `Claim`.

        Raises:
            DuplicateIdError: If *id* names a different record.
            InvalidValueError: If a value is malformed.
        """
        claim = Claim(
            id=id,
            text=text,
            places=places,
            event_date=_date(event_date, None),
            tags=tags,
        )
        return self._record_one(claim)

    def record_statement(
        self,
        id: str | None = None,
        *,
        claim: str | None = None,
        source: str,
        stance: Stance | str = Stance.ASSERTS,
        date: DateLike | None = None,
        document: str | None = None,
        derives_from: Iterable[str] = (),
        via: str | None = None,
        quote: str | None = None,
        modality: str | None = None,
        target: str | None = None,
        relative_to: DateLike | None = None,
    ) -> Statement:
        """
        Record one source asserting, denying or retracting a claim.

        Args:
            id: Its id, unique in the set; generated from its content
                when omitted (the same content, the same id).
            claim: The id of the claim; for a retraction it may be
                omitted and is then the target's claim.
            source: The id of the source that speaks.
            stance: ``"asserts"``, ``"denies"`` or ``"retracts"``.
            date: When it was said. A relative day (``"Wednesday"``)
                resolves against *relative_to*, else against the date of
                *document*.
            document: The id of the document it appears in.
            derives_from: Ids of the statements it relays, cites, copies
                or quotes; each must be recorded already.
            via: How it takes them up: ``"relays"``, ``"cites"``,
                ``"copies"`` or ``"quotes"``.
            quote: The speaker's words, verbatim.
            modality: How it is put (``"alleged"``, ``"reported"``),
                kept exactly as given.
            target: For a retraction, the id of the statement withdrawn;
                it must be the same source's (or a ``same_as`` record's).
            relative_to: The date to resolve a relative *date* against.

        Returns:
            The recorded `Statement`, with its id.

        Raises:
            UnknownReferenceError: If a claim, source, document or
                statement is unknown.
            DuplicateIdError: If *id* names a different record.
            TemporalInconsistencyError: If it derives from a statement
                dated after it, or retracts one dated after it.
            InvalidRetractionError: If it retracts another source's
                statement, or a retraction.
            InvalidValueError: If a value is malformed.
        """
        if claim is None and target is not None:
            claim = self._require(
                self._store.statements, target, "statement", id
            ).claim
        if claim is None:
            raise InvalidValueError(
                "claim", None, "a statement must name its claim"
            )
        if relative_to is None and document is not None:
            # An unknown document is reported as such, not as a relative
            # date without a reference.
            relative_to = self._require(
                self._store.documents, document, "document", id
            ).date
        placeholder = "pending"
        if id is None:
            derives_from = text_tuple(derives_from)
            while placeholder in derives_from:
                placeholder += "-"
        statement = Statement(
            id=placeholder if id is None else id,
            claim=claim,
            source=source,
            stance=stance,
            date=_date(date, relative_to),
            document=document,
            derives_from=derives_from,
            via=via,
            quote=quote,
            modality=modality,
            target=target,
        )
        if id is None:
            statement = attrs.evolve(statement, id=_statement_id(statement))
        return self._record_one(statement)

    def link(
        self,
        subject: str,
        relation: Relation | str,
        object: str,
        *,
        valid_from: DateLike | None = None,
        valid_to: DateLike | None = None,
        id: str | None = None,
        note: str | None = None,
    ) -> Link:
        """
        Link two sources (an affiliation) or two claims (a cross-reference).

        Between sources: ``part_of``, ``controlled_by``, ``owned_by``,
        ``speaks_for``, ``employed_by`` (control), ``member_of``,
        ``funded_by`` (association), ``same_as`` and ``copies_from``.
        Between claims: ``same_as``, ``contradicts``, ``supports``,
        ``part_of`` and ``related``. Between two statements or two
        documents: ``copies`` (the subject takes its content from the
        object without saying so; corroboration follows it). Between two
        records of one kind: ``distinct_from`` (judged independent, or
        not one claim).

        Args:
            subject: The id of the source or claim the link starts from.
            relation: What the link says.
            object: The id of the record it points to.
            valid_from: First date the affiliation holds.
            valid_to: First date it no longer holds.
            id: Its id; by default made from the other arguments, e.g.
                ``"mali member_of aes from 2023-09-16"``.
            note: Why you record it, in your words.

        Returns:
            The recorded `Link`.

        Raises:
            UnknownReferenceError: If an end is not recorded.
            InvalidValueError: If the relation does not fit the kinds of
                its ends, or dates are given where they mean nothing.
            InvalidIntervalError: If *valid_to* is not after *valid_from*.
            AffiliationCycleError: If it closes a cycle of hierarchical
                links that hold at one time.
            DuplicateIdError: If *id* names a different record.
        """
        start, end = _date(valid_from, None), _date(valid_to, None)
        if id is None:
            id = link_id(subject, relation, object, start, end)
        record = Link(
            id=id,
            subject=subject,
            relation=relation,
            object=object,
            valid_from=start,
            valid_to=end,
            note=note,
        )
        return self._record_one(record)

    def record_review(
        self,
        id: str,
        *,
        claim: str,
        reviewer: str,
        date: DateLike | None,
        rating: Rating | str,
        url: str | None = None,
        title: str | None = None,
        summary: str | None = None,
        evidence: Iterable[Evidence | tuple[str, str]] = (),
        reviewed: Iterable[str] = (),
    ) -> Review:
        """
        Record a fact-check: a reviewer's published rating of a claim.

        Reviews are reported beside a claim's corroboration (in
        `corroboration` and its explanation) and never change it.

        Args:
            id: Its id, unique in the set.
            claim: The id of the claim reviewed.
            reviewer: The id of the source that published the review.
            date: When it was published; None if not known.
            rating: A `Rating`, or just the reviewer's label (``"Falso"``).
            url: Where the review can be read.
            title: Its headline.
            summary: A short summary of its findings.
            evidence: What it relied on: `Evidence` records or
                ``(statement or document id, "supports" | "refutes")``
                pairs, each saying which way it points for the claim.
            reviewed: Ids of the statements it checks (who made the
                claim, when and where); each must be about *claim*.

        Returns:
            The recorded `Review`.

        Raises:
            UnknownReferenceError: If the claim, reviewer or a piece of
                evidence is unknown, or of the wrong kind.
            DuplicateIdError: If *id* names a different record.
            InvalidValueError: If a value is malformed, or a reviewed
                statement is about another claim.
        """
        review = Review(
            id=id,
            claim=claim,
            reviewer=reviewer,
            date=_date(date, None),
            rating=rating,
            url=url,
            title=title,
            summary=summary,
            evidence=evidence,
            reviewed=reviewed,
        )
        return self._record_one(review)

    def record(self, record: Record) -> Record:
        """
        Record one prebuilt record of any kind.

        Raises:
            ClaimtrackError: As the matching ``record_*`` method would.
        """
        return self._record_one(record)

    def record_many(self, records: Iterable[Record]) -> None:
        """
        Record many records at once, in any order, all or nothing.

        References may point forward within *records*. Relay cycles and
        affiliation cycles, which cannot arise one record at a time, are
        detected here.

        Raises:
            ClaimtrackError: The first problem found; then nothing of
                *records* is recorded.
        """
        with gc_paused():
            batch = self._batch(_listed(records))
            problem = next(batch.problems(), None)
            if problem is not None:
                raise problem.error
            self._apply_batch(batch)

    def validate(self, records: Iterable[Record]) -> list[Finding]:
        """
        Every problem `record_many` would find with *records*, recording none.

        Each `Finding` names the record id and field at fault and holds the
        error `record_many` would raise. Problems of reference are reported
        first; cycles and dates are checked only once references are sound.
        """
        return list(self._batch(_listed(records)).problems())

    def _apply_batch(self, batch: Batch) -> None:
        # Links are filed by the kind of their ends: apply those first.
        later = []
        for record in batch.new_records:
            if isinstance(record, (Link, Statement)):
                later.append(record)
            else:
                self._apply(record)
        for record in later:
            self._apply(record)

    def _record_one(self, record: R) -> R:
        if not isinstance(record, RECORD_TYPES):
            raise InvalidValueError(
                "record", record, "not a claimtrack record"
            )
        existing = self._store.records.get(record.id)
        if existing is None:
            if plainly_valid(record, self._store.records.get):
                self._apply(record)
                return record
        elif existing == record:
            return cast("R", existing)
        batch = self._batch([record])
        problem = next(batch.problems(), None)
        if problem is not None:
            raise problem.error
        self._apply(record)
        return record

    def _batch(self, records: list[Record]) -> Batch:
        return Batch(self._store, records)

    def _apply(self, record: Record) -> None:
        self._store.add(record)
        if self._by_kind:
            # Only the kinds this record may change are searched again.
            for kind in AFFECTED[KIND_NAMES[type(record)]]:
                self._by_kind.pop(kind, None)
        self._suspected = self._if_held = self._held_by_record = None

    # -- looking up --------------------------------------------------

    def __len__(self) -> int:
        return len(self._store.records)

    def __contains__(self, id: object) -> bool:
        return id in self._store.records

    def __iter__(self) -> Iterator[Record]:
        return iter(self._store.records.values())

    def __getitem__(self, id: str) -> Record:
        try:
            return self._store.records[id]
        except (KeyError, TypeError):  # an unhashable id names nothing
            raise UnknownReferenceError("record", id) from None

    def __repr__(self) -> str:
        return (
            f"<ClaimSet(sources={len(self._store.sources)}, "
            f"documents={len(self._store.documents)}, "
            f"claims={len(self._store.claims)}, "
            f"statements={len(self._store.statements)}, "
            f"links={len(self._store.links)}"
            + (
                f", reviews={len(self._store.reviews)}"
                if self._store.reviews
                else ""
            )
            + ")>"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClaimSet):
            return NotImplemented
        return (
            self.policy == other.policy
            and self._store.records == other._store.records
        )

    __hash__ = None  # type: ignore[assignment]

    def get(self, id: str) -> Record | None:
        """The record with *id*, of any kind, or None."""
        return self._store.records.get(id)

    def _require(
        self,
        table: dict[str, R],
        id: str,
        kind: str,
        referrer: str | None,
    ) -> R:
        found: str | None = None
        try:
            return table[id]
        except KeyError:
            other = self._store.records.get(id)
            if other is not None:
                found = KIND_NAMES[type(other)]
        except TypeError:  # an unhashable id names nothing
            pass
        raise UnknownReferenceError(kind, id, found=found, referrer=referrer)

    def source(self, id: str) -> Source:
        """The source with *id*; `UnknownReferenceError` if there is none."""
        return self._require(self._store.sources, id, "source", None)

    def document(self, id: str) -> Document:
        """The document with *id*; `UnknownReferenceError` if none."""
        return self._require(self._store.documents, id, "document", None)

    def claim(self, id: str) -> Claim:
        """The claim with *id*; `UnknownReferenceError` if there is none."""
        return self._require(self._store.claims, id, "claim", None)

    def statement(self, id: str) -> Statement:
        """The statement with *id*; `UnknownReferenceError` if none."""
        return self._require(self._store.statements, id, "statement", None)

    def get_link(self, id: str) -> Link:
        """The link with *id*; `UnknownReferenceError` if there is none."""
        return self._require(self._store.links, id, "link", None)

    def review(self, id: str) -> Review:
        """The review with *id*; `UnknownReferenceError` if there is none."""
        return self._require(self._store.reviews, id, "review", None)

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source, in recording order."""
        return tuple(self._store.sources.values())

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document, in recording order."""
        return tuple(self._store.documents.values())

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, in recording order."""
        return tuple(self._store.claims.values())

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, in recording order."""
        return tuple(self._store.statements.values())

    @property
    def links(self) -> tuple[Link, ...]:
        """Every link, in recording order."""
        return tuple(self._store.links.values())

    @property
    def reviews(self) -> tuple[Review, ...]:
        """Every review, in recording order."""
        return tuple(self._store.reviews.values())

    def reviews_about(self, claim: str) -> tuple[Review, ...]:
        """The reviews recorded of *claim* itself, in recording order."""
        self.claim(claim)
        return tuple(self._store.reviews_by_claim.get(claim, ()))

    def reviews_for(self, claim: str) -> tuple[Review, ...]:
        """
        The reviews of *claim* and of every claim ``same_as`` it.

        They come claim by claim (in id order), each claim's in recording
        order.

        Raises:
            UnknownReferenceError: If *claim* is not recorded.
        """
        return tuple(
            review
            for member in self.claim_class(claim)
            for review in self._store.reviews_by_claim.get(member, ())
        )

    def statements_about(self, claim: str) -> tuple[Statement, ...]:
        """The statements recorded about *claim* itself."""
        self.claim(claim)
        return tuple(self._store.by_claim.get(claim, ()))

    def statements_for(self, claim: str) -> tuple[Statement, ...]:
        """The statements about any claim ``same_as`` *claim*."""
        return tuple(
            statement
            for member in self.claim_class(claim)
            for statement in self._store.by_claim.get(member, ())
        )

    def claim_class(self, claim: str) -> tuple[str, ...]:
        """The ids of every claim ``same_as`` *claim* (itself too), sorted."""
        self.claim(claim)
        return self._store.claim_class(claim)

    def same_source(self, source: str) -> tuple[str, ...]:
        """The ids of every source ``same_as`` *source*, sorted."""
        self.source(source)
        return tuple(sorted(self._store.same_source.members(source)))

    def date_of(self, statement: str | Statement) -> PartialDate | None:
        """
        When *statement* counts as said: its own date, else its document's.

        A statement known only from a document dated 5 June was not known
        before 5 June, so `corroboration` with an earlier *as_of* leaves
        it out.

        Args:
            statement: A statement id, or the `Statement` record.

        Raises:
            UnknownReferenceError: If there is no such statement.
        """
        if not isinstance(statement, Statement):
            statement = self.statement(statement)
        return self._store.date_of(statement)

    def statements_in(self, document: str) -> tuple[Statement, ...]:
        """
        The statements recorded in *document*, in recording order.

        Raises:
            UnknownReferenceError: If *document* is not recorded.
        """
        self.document(document)
        return tuple(self._store.by_document.get(document, ()))

    def retractions_of(self, statement: str) -> tuple[Statement, ...]:
        """The retractions that withdraw *statement*."""
        self.statement(statement)
        return tuple(self._store.retractions.get(statement, ()))

    def links_of(self, id: str) -> tuple[Link, ...]:
        """
        Every link from or to the record *id*.

        Sources and claims have affiliations and cross-references;
        statements and documents may have ``copies`` and ``distinct_from``
        links, the conclusions a person recorded about them.

        Raises:
            UnknownReferenceError: If no record has that id.
        """
        self[id]
        return tuple(self._store.links_by_end.get(id, ()))

    def affiliations(
        self, source: str, *, at: DateLike | None = None
    ) -> tuple[Link, ...]:
        """The links from *source* (not its ``same_as`` twins) holding *at*."""
        self.source(source)
        when = _date(at, None)
        return tuple(
            link
            for link in self._store.source_links.get(source, ())
            if link.holds_at(when)
        )

    def related_claims(
        self, claim: str, relation: Relation | str | None = None
    ) -> tuple[tuple[Link, str], ...]:
        """
        Claims cross-referenced with *claim*, as (link, other claim id).

        Args:
            claim: A claim id.
            relation: Only links of this relation, if given.
        """
        self.claim(claim)
        wanted = None if relation is None else to_relation(relation)
        return tuple(
            (link, link.object if link.subject == claim else link.subject)
            for link in self._store.links_by_end.get(claim, ())
            if wanted is None or link.relation is wanted
        )

    def find_sources(self, name: str) -> tuple[Source, ...]:
        """
        Sources whose name or an alias contains *name*.

        Case and accents aside: ``"mali"`` finds "Republic of Mali" and
        "Armed Forces of Mali"; ``"fama"`` finds the source with the
        alias "FAMa". Sources whose name or alias is exactly *name* come
        first, then the others, each in recording order. A blank *name*
        finds nothing.

        Raises:
            InvalidValueError: If *name* is not a string.
        """
        if not isinstance(name, str):
            raise InvalidValueError("name", name, "expected a string")
        needle = fold(name)
        if not needle:
            return ()
        exact = self._store.names.get(needle, ())
        partial = [
            source
            for key, ids in self._store.names.items()
            if needle in key and key != needle
            for source in ids
        ]
        ordered = list(dict.fromkeys(exact))
        if partial:
            # The sources table is in recording order: filter it.
            others = set(partial).difference(exact)
            ordered.extend(s for s in self._store.sources if s in others)
        return tuple(self._store.sources[i] for i in ordered)

    def find_claims(
        self,
        *,
        text: str | None = None,
        place: str | None = None,
        tag: str | None = None,
    ) -> tuple[Claim, ...]:
        """
        Claims that match every criterion given (case and accents aside).

        Args:
            text: A piece of the claim's text.
            place: One of its place names.
            tag: One of its tags.
        """
        for field, value in (("text", text), ("place", place), ("tag", tag)):
            if value is not None and not isinstance(value, str):
                raise InvalidValueError(field, value, "expected a string")
        candidates: Iterable[str] = self._store.claims
        if place is not None:
            candidates = self._store.places.get(fold(place), ())
        if tag is not None:
            tagged = set(self._store.tags.get(fold(tag), ()))
            candidates = [c for c in candidates if c in tagged]
        found = [self._store.claims[c] for c in dict.fromkeys(candidates)]
        if text is not None:
            needle = fold(text)
            found = [c for c in found if needle in fold(c.text)]
        return tuple(found)

    # -- answering ---------------------------------------------------

    def corroboration(
        self,
        claim: str,
        *,
        as_of: DateLike | None = None,
        policy: CorroborationPolicy | None = None,
    ) -> CorroborationReport:
        """
        Whether *claim* is independently corroborated, and why.

        Args:
            claim: A claim id; its whole ``same_as`` class is counted.
            as_of: Count only what was said, and retracted, by this date.
            policy: The rule to apply; the set's *policy* by default.

        Raises:
            UnknownReferenceError: If *claim* is not recorded.
            InvalidValueError: If *as_of* is not a date.
        """
        self.claim(claim)
        chosen = self._chosen(policy)
        when = _date(as_of, None)
        return self._with_suspicions(
            corroborate(self._store, claim, when, chosen)
        )

    def reports(
        self,
        *,
        as_of: DateLike | None = None,
        policy: CorroborationPolicy | None = None,
    ) -> tuple[CorroborationReport, ...]:
        """
        The `corroboration` of every claim, in natural claim id order.

        Numbers in ids count as numbers, however long: ``c2`` comes
        before ``c10``, the order of ``claimtrack report``. The rest of
        an id sorts character by character (capitals first).

        Args:
            as_of: Count only what was said, and retracted, by this date.
            policy: The rule to apply; the set's *policy* by default.

        Returns:
            One `CorroborationReport` per claim.

        Raises:
            InvalidValueError: If *as_of* is not a date.
        """
        when = _date(as_of, None)
        chosen = self._chosen(policy)
        index = self._store
        with gc_paused():
            return tuple(
                self._with_suspicions(corroborate(index, claim, when, chosen))
                for claim in sorted(self._store.claims, key=natural_key)
            )

    def is_corroborated(
        self,
        claim: str,
        *,
        as_of: DateLike | None = None,
        minimum: int | None = None,
    ) -> bool:
        """
        Whether at least *minimum* independent groups assert *claim*.

        Args:
            claim: A claim id.
            as_of: Count only what was said by this date.
            minimum: How many groups are needed; by default the set
                policy's minimum, 2.
        """
        policy = self.policy
        if minimum is not None:
            policy = attrs.evolve(policy, minimum=minimum)
        return self.corroboration(
            claim, as_of=as_of, policy=policy
        ).corroborated

    def independent(
        self,
        a: str,
        b: str,
        *,
        at: DateLike | None = None,
        policy: CorroborationPolicy | None = None,
    ) -> Independence:
        """
        Whether sources *a* and *b* are independent at *at*.

        The answer is truthy when they are; when they are not, its
        ``path`` runs from *a* to *b* through what ties them, and its
        ``links`` carry the dates. Without *at*, every affiliation that
        ever holds counts.

        Raises:
            UnknownReferenceError: If a source is not recorded.
        """
        self.source(a)
        self.source(b)
        when, chosen = _date(at, None), self._chosen(policy)
        return dependence(
            a,
            self._store.closure(a, when, chosen),
            b,
            self._store.closure(b, when, chosen),
        )

    def _chosen(
        self, policy: CorroborationPolicy | None
    ) -> CorroborationPolicy:
        return self.policy if policy is None else _policy(policy)

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
            for s in self._all_suspicions()
            if s.kind in chosen
            and s.score >= (s.threshold if min_score is None else min_score)
        )

    def _all_suspicions(self) -> list[Suspicion]:
        if self._suspected is None:
            by_kind = self._by_kind
            for kind in SuspicionKind:
                if kind not in by_kind:
                    by_kind[kind] = suspicions_of_kind(self, kind)
            self._suspected = not_judged(
                self, [s for kind in SuspicionKind for s in by_kind[kind]]
            )
        return self._suspected

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
        rest = ClaimSet(policy=self.policy)
        rest.record_many(
            r for r in self._store.records.values() if r.id != link
        )
        for field in attrs.fields(ClaimSet):
            setattr(self, field.name, getattr(rest, field.name))
        return removed

    def _held_suspicions_by_record(self) -> dict[str, list[Suspicion]]:
        """The suspicions that hold, filed under each record they join."""
        if self._held_by_record is None:
            table: dict[str, list[Suspicion]] = {}
            for suspicion in self._all_suspicions():
                if suspicion.holds:
                    for record in suspicion.records:
                        table.setdefault(record, []).append(suspicion)
            self._held_by_record = table
        return self._held_by_record

    def _if_suspicions_hold(self) -> ClaimSet:
        """This set with every suspicion that holds accepted (cached)."""
        if self._if_held is None:
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
            self._if_held = hypothetical
        return self._if_held

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
            hypothetical._store,  # noqa: SLF001 (a set of this class)
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

    # -- the affiliation graph --------------------------------------

    def canonical_source(self, source: str) -> str:
        """The representative id of *source*'s ``same_as`` class."""
        return self._store.same_source.find(source)

    # -- JSON ------------------------------------------------------------

    def to_json(self) -> str:
        """
        The set as claimtrack JSON text (format version 1).

        The text is deterministic: equal sets give identical text, records
        sorted by id, keys in a fixed order, dates in their own precision,
        absent optional fields left out.
        """
        return "".join(chunks(self))

    @classmethod
    def from_json(cls, text: str | bytes) -> ClaimSet:
        """
        Load a claim set from claimtrack JSON text.

        Loading is strict and all or nothing: unknown keys, wrong types,
        missing fields, dangling references, duplicate ids, cycles,
        temporal inconsistencies and invalid values are all reported.

        Raises:
            FormatError: With every problem found and its JSON path, e.g.
                ``$.statements[3].source: unknown source 'fama-gs2'``.
        """
        with gc_paused():
            parsed = parse_document(read_json(text))
            claim_set = cls(policy=parsed.policy)
            batch = claim_set._batch(parsed.records)
            problems = problems_at(parsed.paths, batch.problems())
            if problems:
                raise FormatError(problems)
            claim_set._apply_batch(batch)
        return claim_set

    def save(self, path: str | os.PathLike[str]) -> None:
        """
        Write the set to *path* as claimtrack JSON, atomically.

        A temporary file in the same folder is written, synced to disk and
        renamed over *path*; if anything fails, the file that was at *path*
        is untouched.
        """
        write_atomically(path, chunks(self))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ClaimSet:
        """
        Load a claim set from a claimtrack JSON file.

        Raises:
            FormatError: As `from_json` does.
            OSError: If the file cannot be read.
        """
        return cls.from_json(Path(path).read_bytes())

    def merge(self, other: ClaimSet) -> None:
        """
        Add every record of *other* that this set does not have.

        Records present in both under one id must be identical. The set's
        policy is kept. Nothing is added if anything is wrong.

        Raises:
            MergeConflictError: Listing every id that names different
                records in the two sets, with how they differ.
            ClaimtrackError: If the union breaks a rule, such as an
                affiliation cycle made of links from both sets.
        """
        conflicts = []
        new = []
        for record in other:
            mine = self._store.records.get(record.id)
            if mine is None:
                new.append(record)
            elif mine != record:
                conflicts.append(
                    Conflict(record.id, differences(mine, record))
                )
        if conflicts:
            raise MergeConflictError(sorted(conflicts))
        self.record_many(new)

    def copy(self) -> ClaimSet:
        """An independent copy of the set (records are immutable, shared)."""
        other = ClaimSet(policy=self.policy)
        other.record_many(self._store.records.values())
        return other


def _touched(claim_set: ClaimSet, report: CorroborationReport) -> set[str]:
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


def _listed(records: Iterable[Record]) -> list[Record]:
    try:
        return list(records)
    except TypeError:
        raise InvalidValueError(
            "records", records, "expected an iterable of records"
        ) from None


def _policy(value: object) -> CorroborationPolicy:
    if not isinstance(value, CorroborationPolicy):
        raise InvalidValueError(
            "policy", value, "expected a CorroborationPolicy"
        )
    return value


def _date(
    value: DateLike | None, reference: DateLike | None
) -> PartialDate | None:
    if value is None:
        return None
    return PartialDate.parse(value, reference=reference)


def _statement_id(statement: Statement) -> str:
    """An id made from a statement's content: same content, same id."""
    parts = []
    for field in attrs.fields(Statement)[1:]:
        value = getattr(statement, field.name)
        if isinstance(value, tuple):
            value = ",".join(value)
        parts.append(f"{field.name}={'' if value is None else value}")
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"stmt-{digest[:16]}"
