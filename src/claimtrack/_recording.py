# SPDX-License-Identifier: MIT
"""Recording: the verbs that add records to a claim set, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimtrack._batch_recording import BatchRecording
from claimtrack._claims import Claim, quick_claim
from claimtrack._dates import DateLike, known_date, optional_date
from claimtrack._documents import Document
from claimtrack._links import Link, Relation, link_id
from claimtrack._quick_filing import (
    take_claim,
    take_link,
    take_source,
    take_statement,
)
from claimtrack._reviews import Evidence, Rating, Review
from claimtrack._sources import Source, quick_source
from claimtrack._statements import (
    Stance,
    Statement,
    quick_statement,
    statement_with_content_id,
)
from claimtrack.exceptions import InvalidValueError


__all__ = ["Recording"]


class Recording(BatchRecording):
    """The verbs that add records to a claim set, all or nothing."""

    # -- recording ---------------------------------------------------

    def record_source(
        self,
        id: str,
        *,
        name: str,
        kind: str | None = None,
        aliases: Iterable[str] = (),
        reliability: str | None = None,
        identifiers: Iterable[str] = (),
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
            identifiers: URIs that name it elsewhere (a Wikidata item, an
                official site, a social media account); see
                `Source.identifiers`.

        Returns:
            The recorded `Source`.

        Raises:
            DuplicateIdError: If *id* names a different record.
            InvalidValueError: If a value is malformed.
        """
        source = quick_source(
            id, name, kind, aliases, reliability, identifiers
        )
        if source is not None:
            if take_source(self._store, source):
                self._forget(source)
                return source
        else:
            source = Source(
                id=id,
                name=name,
                kind=kind,
                aliases=aliases,
                reliability=reliability,
                identifiers=identifiers,
            )
        return self._record_new(source)

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
            date=optional_date(date, relative_to),
            title=title,
            url=url,
            kind=kind,
            authors=authors,
            cites=cites,
            text=text,
        )
        return self._record_new(document)

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
        when = None if event_date is None else optional_date(event_date)
        claim = quick_claim(id, text, places, when, tags)
        if claim is not None:
            if take_claim(self._store, claim):
                self._forget(claim)
                return claim
        else:
            claim = Claim(
                id=id, text=text, places=places, event_date=when, tags=tags
            )
        return self._record_new(claim)

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
        # A date text met before is not read again.
        when = known_date(date) if type(date) is str else None
        if when is None and date is not None:
            when = optional_date(date, relative_to)
        if id is not None:
            quick = quick_statement(
                id,
                claim,
                source,
                stance,
                when,
                document,
                derives_from,
                via,
                quote,
                modality,
                target,
            )
            if quick is not None:
                # `_record_new`, shortened for the commonest record.
                if take_statement(self._store, quick):
                    self._forget(quick)
                    return quick
                return self._record_new(quick)
        fields: dict[str, Any] = {
            "claim": claim,
            "source": source,
            "stance": stance,
            "date": when,
            "document": document,
            "derives_from": derives_from,
            "via": via,
            "quote": quote,
            "modality": modality,
            "target": target,
        }
        statement = (
            statement_with_content_id(**fields)
            if id is None
            else Statement(id=id, **fields)
        )
        return self._record_new(statement)

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
        start, end = (
            optional_date(valid_from, None),
            optional_date(valid_to, None),
        )
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
        if take_link(self._store, record):
            self._forget(record)
            return record
        return self._record_new(record)

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
            date=optional_date(date, None),
            rating=rating,
            url=url,
            title=title,
            summary=summary,
            evidence=evidence,
            reviewed=reviewed,
        )
        return self._record_new(review)
