# SPDX-License-Identifier: MIT
"""The store: a claim set's records, their indexes, and what is cached."""

from __future__ import annotations

import operator

from collections.abc import Iterable, Mapping, Sequence

from claimtrack._affiliations import Closure, compute_closure
from claimtrack._claims import Claim
from claimtrack._date_classes import dated_links_above
from claimtrack._dates import PartialDate
from claimtrack._derivations import Derivation, implied_derivations
from claimtrack._documents import Document
from claimtrack._graphs import UnionFind
from claimtrack._links import (
    HIERARCHICAL_RELATIONS,
    Link,
    Relation,
)
from claimtrack._policy import CorroborationPolicy
from claimtrack._quick_check import effective_date
from claimtrack._records import Record
from claimtrack._reviews import Review
from claimtrack._sources import Source, identifier_key
from claimtrack._statements import Statement
from claimtrack._text import fold


__all__ = ["Store"]

_ClosureTables = tuple[
    dict[tuple[object, ...], Closure],
    dict[tuple[str, int], tuple[PartialDate | None, Closure]],
]


class Store:
    """
    Every record of a claim set, filed for the look-ups the rules make.

    `add` is the only way in, and keeps every table, index and ``same_as``
    class in step; it also forgets each cached answer the new record may
    change. The rules read the store through the methods below (the
    corroboration rule, the affiliation closures, inferred derivations,
    validation), each spelled one way. Records are never removed: a set
    without one is built again.
    """

    __slots__ = (
        "_by_claim",
        "_claim_classes",
        "_closure_keys",
        "_closures",
        "_dated_above",
        "_implied",
        "_last_closures",
        "_last_policy",
        "_sorted_links",
        "by_document",
        "citing",
        "claims",
        "class_subordinates",
        "copies",
        "documents",
        "identifiers",
        "links",
        "links_by_end",
        "names",
        "places",
        "records",
        "retractions",
        "reviews",
        "reviews_by_claim",
        "same_claim",
        "same_source",
        "source_links",
        "source_links_in",
        "sources",
        "statements",
        "subordinates",
        "tags",
    )

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.sources: dict[str, Source] = {}
        self.documents: dict[str, Document] = {}
        self.claims: dict[str, Claim] = {}
        self.statements: dict[str, Statement] = {}
        self.links: dict[str, Link] = {}
        self.reviews: dict[str, Review] = {}
        # Indexes: by claim, document, retracted statement, link end.
        # Made on the first question, not while a set is built; then kept.
        self._by_claim: dict[str, list[Statement]] | None = None
        self.by_document: dict[str, list[Statement]] = {}
        self.retractions: dict[str, list[Statement]] = {}
        self.reviews_by_claim: dict[str, list[Review]] = {}
        self.links_by_end: dict[str, list[Link]] = {}
        self.citing: dict[str, Document] = {}
        self.copies: dict[str, Link] = {}
        # The affiliation graph between sources, and same_as classes.
        self.source_links: dict[str, list[Link]] = {}
        # The same links by object, and how many hierarchical links point
        # into each source and into each same_as class (by representative).
        self.source_links_in: dict[str, list[Link]] = {}
        self.subordinates: dict[str, int] = {}
        self.class_subordinates: dict[str, int] = {}
        self.same_source = UnionFind()
        self.same_claim = UnionFind()
        # Folded names, places and tags, for searching.
        self.names: dict[str, list[str]] = {}
        # Sources by the key of each of their identifiers.
        self.identifiers: dict[str, list[str]] = {}
        self.places: dict[str, list[str]] = {}
        self.tags: dict[str, list[str]] = {}
        # Caches, forgotten by `add` when a record may change them.
        # Closures by policy: by (root, which dated links above hold),
        # and by (source, the date's id) for repeated look-ups.
        self._closures: dict[CorroborationPolicy, _ClosureTables] = {}
        self._last_policy: CorroborationPolicy | None = None
        self._last_closures: _ClosureTables = ({}, {})
        self._claim_classes: dict[str, tuple[str, ...]] = {}
        self._sorted_links: dict[str, list[Link]] = {}
        self._dated_above: dict[str, tuple[Link, ...]] = {}
        # Which dated links above a source hold at a date, by the date's
        # identity (the date is kept, so that its id is never reused).
        self._closure_keys: dict[
            tuple[str, int], tuple[PartialDate | None, tuple[int, ...]]
        ] = {}
        self._implied: dict[
            frozenset[Relation], dict[str, tuple[Derivation, ...]]
        ] = {}

    # -- recording ---------------------------------------------------------

    def add(self, record: Record) -> None:
        """File *record*, which has been checked, and forget stale answers."""
        if isinstance(record, Statement):
            self.add_statement(record)
            return
        if isinstance(record, Source):
            self.add_source(record)
            return
        if isinstance(record, Claim):
            self.add_claim(record)
            return
        self.records[record.id] = record
        self._file_other(record)

    def add_many(self, records: Sequence[Record]) -> None:
        """
        `add` each of *records*, in order; statements all at once.

        A link is filed by the kinds of its ends: add sources and claims
        in an earlier call.
        """
        self.records.update(zip(map(_id_of, records), records, strict=True))
        statements = []
        for record in records:
            if isinstance(record, Statement):
                statements.append(record)
            elif isinstance(record, Source):
                self.file_source(record)
            elif isinstance(record, Claim):
                self.file_claim(record)
            else:
                self._file_other(record)
        if not statements:
            return
        if self._implied:
            self._implied.clear()
        self.statements.update(
            zip(map(_id_of, statements), statements, strict=True)
        )
        by_claim = self._by_claim
        if by_claim is not None:
            for statement in statements:
                by_claim.setdefault(statement.claim, []).append(statement)
        by_document, retractions = self.by_document, self.retractions
        for statement in statements:
            document, target = statement.document, statement.target
            if document is not None:
                by_document.setdefault(document, []).append(statement)
            if target is not None:
                retractions.setdefault(target, []).append(statement)

    def _file_other(self, record: Document | Review | Link) -> None:
        """`add` for a document, review or link already in ``records``."""
        if self._implied:
            self._implied.clear()
        if isinstance(record, Document):
            self.documents[record.id] = record
            if record.cites:
                self.citing[record.id] = record
        elif isinstance(record, Review):
            self.reviews[record.id] = record
            self.reviews_by_claim.setdefault(record.claim, []).append(record)
        else:
            self.file_link(record)

    def add_statement(self, statement: Statement) -> None:
        """`add` for a statement: the commonest record, filed directly."""
        self.records[statement.id] = statement
        self.file_statement(statement)

    def file_statement(self, statement: Statement) -> None:
        """`add_statement`, once ``records`` holds *statement* already."""
        if self._implied:
            self._implied.clear()
        self.statements[statement.id] = statement
        by_claim = self._by_claim
        if by_claim is not None:
            about = by_claim.get(statement.claim)
            if about is None:
                by_claim[statement.claim] = [statement]
            else:
                about.append(statement)
        if statement.document is not None:
            self.by_document.setdefault(statement.document, []).append(
                statement
            )
        if statement.target is not None:
            self.retractions.setdefault(statement.target, []).append(statement)

    def add_source(self, source: Source) -> None:
        """`add` for a source."""
        self.records[source.id] = source
        self.file_source(source)

    def file_source(self, source: Source) -> None:
        """`add_source`, once ``records`` holds *source* already."""
        id = source.id
        if self._implied:
            self._implied.clear()
        self.sources[id] = source
        names = self.names
        for name in source.names:
            names.setdefault(fold(name), []).append(id)
        for identifier in source.identifiers:
            key = identifier_key(identifier)
            assert key is not None  # a recorded identifier is a URI
            self.identifiers.setdefault(key, []).append(id)

    def add_claim(self, claim: Claim) -> None:
        """`add` for a claim."""
        self.records[claim.id] = claim
        self.file_claim(claim)

    def file_claim(self, claim: Claim) -> None:
        """`add_claim`, once ``records`` holds *claim* already."""
        id = claim.id
        if self._implied:
            self._implied.clear()
        self.claims[id] = claim
        for place in claim.places:
            self.places.setdefault(fold(place), []).append(id)
        for tag in claim.tags:
            self.tags.setdefault(fold(tag), []).append(id)

    def file_link(self, link: Link) -> None:
        """`add` for a link, once ``records`` holds *link* already."""
        if self._implied:
            self._implied.clear()
        self.links[link.id] = link
        if link.subject in self.sources:
            self._closures.clear()
            self._last_policy = None
            self._last_closures = ({}, {})
            self._closure_keys.clear()
            self._sorted_links.clear()
            self._dated_above.clear()
            if link.relation is Relation.SAME_AS:
                self._merge_sources(link.subject, link.object)
            else:
                self.source_links.setdefault(link.subject, []).append(link)
                self.source_links_in.setdefault(link.object, []).append(link)
                if link.relation in HIERARCHICAL_RELATIONS:
                    below = self.subordinates
                    below[link.object] = below.get(link.object, 0) + 1
                    root = self.same_source.find(link.object)
                    counts = self.class_subordinates
                    counts[root] = counts.get(root, 0) + 1
        elif link.relation is Relation.SAME_AS:
            self.same_claim.union(link.subject, link.object)
            self._claim_classes.clear()
        elif link.relation is Relation.COPIES:
            self.copies[link.id] = link
        for end in dict.fromkeys((link.subject, link.object)):
            self.links_by_end.setdefault(end, []).append(link)

    def _merge_sources(self, a: str, b: str) -> None:
        """Unite two sources' classes, and their counts of subordinates."""
        classes, counts = self.same_source, self.class_subordinates
        old = {classes.find(a), classes.find(b)}
        classes.union(a, b)
        total = sum(counts.pop(root, 0) for root in old)
        if total:
            counts[classes.find(a)] = total

    # -- what the rules read -----------------------------------------------

    def statement(self, statement: str) -> Statement:
        """The statement with id *statement*."""
        return self.statements[statement]

    def source(self, source: str) -> Source:
        """The source with id *source*."""
        return self.sources[source]

    def statements_about(self, claim: str) -> Sequence[Statement]:
        """The statements recorded about *claim* itself, in order."""
        by_claim = self._by_claim
        if by_claim is None:
            # One pass over every statement, in the order recorded; from
            # then on `file_statement` keeps the index.
            by_claim = {}
            for statement in self.statements.values():
                about = by_claim.get(statement.claim)
                if about is None:
                    by_claim[statement.claim] = [statement]
                else:
                    about.append(statement)
            self._by_claim = by_claim
        return by_claim.get(claim, ())

    def statements_in(self, document: str) -> Sequence[Statement]:
        """The statements recorded in *document*."""
        return self.by_document.get(document, ())

    def retractions_of(self, statement: str) -> Sequence[Statement]:
        """The retractions that target *statement*."""
        return self.retractions.get(statement, ())

    def reviews_about(self, claim: str) -> Sequence[Review]:
        """The reviews recorded of *claim* itself."""
        return self.reviews_by_claim.get(claim, ())

    def date_of(self, statement: Statement) -> PartialDate | None:
        """When *statement* counts as said: its date, else its document's."""
        return effective_date(statement, self.documents.get)

    def claim_class(self, claim: str) -> tuple[str, ...]:
        """Every claim ``same_as`` *claim* (itself too), sorted."""
        members = self.same_claim.members(claim)
        if len(members) == 1:
            return (claim,)
        # Sorted once per class, not once per member asked about.
        root = self.same_claim.find(claim)
        found = self._claim_classes.get(root)
        if found is None:
            found = tuple(sorted(members))
            self._claim_classes[root] = found
        return found

    def claim_root(self, claim: str) -> str:
        """The representative of *claim*'s ``same_as`` class."""
        return self.same_claim.find(claim)

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""
        return self.same_source.find(source)

    def affiliation_links(self) -> Iterable[Link]:
        """Every link between two sources other than ``same_as``."""
        for links in self.source_links.values():
            yield from links

    def citing_documents(self) -> Iterable[Document]:
        """Every document that cites another."""
        return self.citing.values()

    def copy_links(self) -> Iterable[Link]:
        """Every ``copies`` link between statements or documents."""
        return self.copies.values()

    def links_from(self, canonical: str) -> Sequence[Link]:
        """Affiliations from any member of a ``same_as`` class, sorted."""
        cached = self._sorted_links.get(canonical)
        if cached is None:
            cached = sorted(
                (
                    link
                    for member in self.same_source.members(canonical)
                    for link in self.source_links.get(member, ())
                ),
                key=_link_order,
            )
            self._sorted_links[canonical] = cached
        return cached

    def closure(
        self,
        source: str,
        when: PartialDate | None,
        policy: CorroborationPolicy,
    ) -> Closure:
        """The affiliation closure of *source* at *when*, cached."""
        # One table per policy, the last one kept at hand: hashing a
        # policy (every field) on each look-up costs more than the rest.
        if policy is self._last_policy:
            tables = self._last_closures
        else:
            tables = self._closures.setdefault(policy, ({}, {}))
            self._last_policy, self._last_closures = policy, tables
        # Most look-ups repeat a (source, date) pair: answer those first,
        # by the date's identity (one text parses to one date object; the
        # date is kept, so that its id is never reused while cached).
        at = tables[1]
        known = at.get((source, id(when)))
        if known is not None and known[0] is when:
            return known[1]
        found = self._closure(source, when, policy, tables[0])
        at[source, id(when)] = (when, found)
        return found

    def _closure(
        self,
        source: str,
        when: PartialDate | None,
        policy: CorroborationPolicy,
        closures: dict[tuple[object, ...], Closure],
    ) -> Closure:
        """`closure`, found through the source's class and dated links."""
        root = self.same_source.find(source)
        dated = self._dated_above.get(root)
        if dated is None:
            dated = dated_links_above(self, root)
            self._dated_above[root] = dated
        # Dates at which each dated link above holds alike share a closure;
        # which of them hold is worked out once per date.
        holding: tuple[int, ...] = ()
        if dated:
            seen = self._closure_keys.get((root, id(when)))
            if seen is not None and seen[0] is when:
                holding = seen[1]
            else:
                holding = tuple(
                    i for i, link in enumerate(dated) if link.holds_at(when)
                )
                self._closure_keys[root, id(when)] = (when, holding)
        key = (root, len(dated), *holding)
        found = closures.get(key)
        if found is None:
            found = compute_closure(self, root, when, policy)
            closures[key] = found
        return found

    def implied_by(
        self, copying: frozenset[Relation]
    ) -> Mapping[str, tuple[Derivation, ...]]:
        """The derivations copying links and citations imply, cached."""
        found = self._implied.get(copying)
        if found is None:
            found = implied_derivations(self, copying)
            self._implied[copying] = found
        return found


_id_of = operator.attrgetter("id")


def _link_order(link: Link) -> tuple[str, str, str]:
    return (link.relation.value, link.object, link.id)
