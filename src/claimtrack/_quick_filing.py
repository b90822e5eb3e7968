# SPDX-License-Identifier: MIT
"""
Quick filing: new records that surely pass every check, filed at once.

A record taken by a ``take_*`` function is new, surely passes every check
of a `Batch`, and is filed in the store at once; False leaves the store
as it was, for the claim set to check in full. The id is taken last, when
all else holds: one look-up both finds it new and files it.
"""

from __future__ import annotations

from claimtrack._claims import Claim
from claimtrack._links import (
    ASSOCIATION_RELATIONS,
    CLAIM_RELATIONS,
    CONTROL_RELATIONS,
    HIERARCHICAL_RELATIONS,
    Link,
)
from claimtrack._quick_check import parents_sound
from claimtrack._sources import Source
from claimtrack._statements import Statement
from claimtrack._store import Store


__all__ = [
    "link_surely_valid",
    "take_claim",
    "take_link",
    "take_source",
    "take_statement",
]

_AFFILIATIONS = CONTROL_RELATIONS | ASSOCIATION_RELATIONS


def take_statement(store: Store, statement: Statement) -> bool:
    """Take a statement outside any document, no retraction."""
    parents = statement.derives_from
    if (
        statement.target is None
        and statement.document is None
        and statement.claim in store.claims
        and statement.source in store.sources
        and (
            not parents
            or parents_sound(parents, statement.date, store.records.get)
        )
        and store.records.setdefault(statement.id, statement) is statement
    ):
        store.file_statement(statement)
        return True
    return False


def take_claim(store: Store, claim: Claim) -> bool:
    """Take a claim: it references nothing."""
    if store.records.setdefault(claim.id, claim) is claim:
        store.file_claim(claim)
        return True
    return False


def take_source(store: Store, source: Source) -> bool:
    """Take a source: it references nothing."""
    if store.records.setdefault(source.id, source) is source:
        store.file_source(source)
        return True
    return False


def take_link(store: Store, link: Link) -> bool:
    """Take a link that `link_surely_valid` passes."""
    if (
        link_surely_valid(store, link)
        and store.records.setdefault(link.id, link) is link
    ):
        store.file_link(link)
        return True
    return False


def link_surely_valid(store: Store, link: Link) -> bool:
    """
    Whether a new *link* surely passes every check of a `Batch`.

    A quick test for the common case: an affiliation (a control or
    association relation) between two sources of different ``same_as``
    classes, where no cycle can close (no hierarchical link leads into
    the subject's class yet, so nothing can lead back to it); or an
    undated claim relation between two different claims. False means "let
    a `Batch` decide": ``same_as`` and ``copies_from`` between sources,
    judgements, and every problem go there. The caller has checked that
    the id is new.
    """
    subject, obj, relation = link.subject, link.object, link.relation
    if subject == obj:
        return False
    if subject in store.claims:
        return (
            relation in CLAIM_RELATIONS
            and obj in store.claims
            and link.valid_from is None
            and link.valid_to is None
        )
    if (
        relation not in _AFFILIATIONS
        or subject not in store.sources
        or obj not in store.sources
    ):
        return False
    find = store.same_source.find
    root = find(subject)
    return root != find(obj) and (
        relation not in HIERARCHICAL_RELATIONS
        or not store.class_subordinates.get(root)
    )
