# SPDX-License-Identifier: MIT
"""The look-ups of a claim set: records by id, by kind, by what they name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from claimtrack._claims import Claim
from claimtrack._dates import DateLike, PartialDate, optional_date
from claimtrack._documents import Document
from claimtrack._links import (
    Link,
    Relation,
    to_relation,
)
from claimtrack._records import (
    KIND_NAMES,
    Record,
)
from claimtrack._reviews import Review
from claimtrack._sources import Source, identifier_key
from claimtrack._statements import Statement
from claimtrack._store import Store
from claimtrack._text import fold
from claimtrack.exceptions import (
    InvalidValueError,
    UnknownReferenceError,
)


__all__ = ["Queries"]

R = TypeVar("R", bound=Record)


class Queries:
    """The look-ups of a claim set: records by id, by kind, by what they name."""

    _store: Store

    # -- looking up --------------------------------------------------

    def __len__(self) -> int:
        return len(self._store.records)

    def __contains__(self, id: object) -> bool:
        key = _as_key(id)
        return key is not None and key in self._store.records

    def __iter__(self) -> Iterator[Record]:
        return iter(self._store.records.values())

    def __getitem__(self, id: str) -> Record:
        key = _as_key(id)
        record = None if key is None else self._store.records.get(key)
        if record is None:
            raise UnknownReferenceError("record", id)
        return record

    def get(self, id: str) -> Record | None:
        """The record with *id*, of any kind, or None."""
        key = _as_key(id)
        return None if key is None else self._store.records.get(key)

    def _require(
        self,
        table: dict[str, R],
        id: str,
        kind: str,
        referrer: str | None,
    ) -> R:
        key = _as_key(id)
        found: str | None = None
        if key is not None:
            record = table.get(key)
            if record is not None:
                return record
            other = self._store.records.get(key)
            if other is not None:
                found = KIND_NAMES[type(other)]
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
        claim = self.claim(claim).id
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
        claim = self.claim(claim).id
        return tuple(self._store.statements_about(claim))

    def statements_for(self, claim: str) -> tuple[Statement, ...]:
        """The statements about any claim ``same_as`` *claim*."""
        return tuple(
            statement
            for member in self.claim_class(claim)
            for statement in self._store.statements_about(member)
        )

    def claim_class(self, claim: str) -> tuple[str, ...]:
        """The ids of every claim ``same_as`` *claim* (itself too), sorted."""
        claim = self.claim(claim).id
        return self._store.claim_class(claim)

    def same_source(self, source: str) -> tuple[str, ...]:
        """The ids of every source ``same_as`` *source*, sorted."""
        source = self.source(source).id
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
        document = self.document(document).id
        return tuple(self._store.by_document.get(document, ()))

    def retractions_of(self, statement: str) -> tuple[Statement, ...]:
        """The retractions that withdraw *statement*."""
        statement = self.statement(statement).id
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
        id = self[id].id
        return tuple(self._store.links_by_end.get(id, ()))

    def affiliations(
        self, source: str, *, at: DateLike | None = None
    ) -> tuple[Link, ...]:
        """The links from *source* (not its ``same_as`` twins) holding *at*."""
        source = self.source(source).id
        when = optional_date(at, None)
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
        claim = self.claim(claim).id
        wanted = None if relation is None else to_relation(relation)
        return tuple(
            (link, link.object if link.subject == claim else link.subject)
            for link in self._store.links_by_end.get(claim, ())
            if wanted is None or link.relation is wanted
        )

    def find_sources(self, name: str) -> tuple[Source, ...]:
        """
        Sources named like *name*, or identified by it.

        Case and accents aside: ``"mali"`` finds "Republic of Mali" and
        "Armed Forces of Mali"; ``"fama"`` finds the source with the
        alias "FAMa". A whole identifier finds the sources that list it,
        however it is spelt (http or https, ``www.``, a trailing slash;
        see `Source.identifiers`): ``"Q7283"`` or
        ``"http://www.wikidata.org/entity/Q7283"`` finds the source with
        the identifier ``"https://www.wikidata.org/wiki/Q7283"``; a part
        of an identifier finds nothing. Sources whose name or alias is
        exactly *name* come first, then those it identifies, then the
        others, each in recording order. A blank *name* finds nothing.

        Raises:
            InvalidValueError: If *name* is not a string.
        """
        if not isinstance(name, str):
            raise InvalidValueError("name", name, "expected a string")
        needle = fold(name)
        if not needle:
            return ()
        exact = list(self._store.names.get(needle, ()))
        identity = identifier_key(name)
        if identity is not None:
            exact.extend(self._store.identifiers.get(identity, ()))
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

    def canonical_source(self, source: str) -> str:
        """
        The representative id of *source*'s ``same_as`` class.

        An id no source has is its own representative.

        Raises:
            UnknownReferenceError: If *source* is not a string.
        """
        key = _as_key(source)
        if key is None:
            raise UnknownReferenceError("source", source)
        return self._store.same_source.find(key)


def _as_key(id: object) -> str | None:
    """
    *id* as a plain string to look up, or None if it can name nothing.

    Only strings name records. A subclass of `str` is looked up by its
    text, never by its own ``__hash__`` or ``__eq__``, which may fail.
    """
    if type(id) is str:
        return id
    if isinstance(id, str):
        return str.__str__(id)
    return None
