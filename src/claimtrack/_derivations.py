# SPDX-License-Identifier: MIT
"""Derivations nobody declared: copying sources and citing documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, Protocol

import attrs

from claimtrack._dates import PartialDate, is_later
from claimtrack._documents import Document
from claimtrack._graphs import strongly_connected
from claimtrack._links import Link, Relation
from claimtrack._statements import Stance, Statement


__all__ = ["Derivation", "DerivationView", "implied_derivations"]


@attrs.frozen
class Derivation:
    """
    A derivation the rule infers from a copying link or a citation.

    A statement by a source that copies another derives from that
    source's statements on the same claim with the same stance; a
    statement that declares no parent, in a document that cites another
    document, derives from the cited document's statements on the same
    claim with the same stance. Corroboration follows these like
    declared ``derives_from``.

    Attributes:
        statement: The id of the statement that derives.
        parent: The id of the statement it derives from.
        via: ``"copies"`` (through *link*) or ``"cites"`` (through
            *document*).
        link: For ``"copies"``, the link it rests on: ``copies_from``
            between the two sources, or ``copies`` between the two
            statements or their documents (an accepted suspicion).
        document: The id of the cited (or copied) document, if any.
    """

    statement: str
    parent: str
    via: Literal["copies", "cites"]
    link: Link | None = None
    document: str | None = None

    def describe(self) -> str:
        """Say in words where the derivation comes from."""
        if self.link is not None:
            link = self.link
            text = (
                f"copies {self.parent} ({link.subject} "
                f"{link.relation.value} {link.object}"
            )
            if link.note:
                text += f": {link.note}"
            return text + ")"
        return (
            f"derives from {self.parent} through the citation of document "
            f"{self.document}"
        )


class DerivationView(Protocol):
    """What inferring derivations needs to know about a claim set."""

    @property
    def statements(self) -> Mapping[str, Statement]:
        """Every statement by id."""

    def date_of(self, statement: Statement) -> PartialDate | None:
        """The statement's date, or else the date of its document."""

    def claim_root(self, claim: str) -> str:
        """The representative of *claim*'s ``same_as`` class."""

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""

    def affiliation_links(self) -> Iterable[Link]:
        """Every link between two sources other than ``same_as``."""

    def citing_documents(self) -> Iterable[Document]:
        """Every document that cites another."""

    def statements_in(self, document: str) -> Sequence[Statement]:
        """The statements recorded in *document*."""

    def copy_links(self) -> Iterable[Link]:
        """Every ``copies`` link between statements or documents."""


_Key = tuple[str, str, Stance]
"""A speaker (canonical) or a document, a claim class and a stance."""


def implied_derivations(
    view: DerivationView, copying: frozenset[Relation]
) -> dict[str, tuple[Derivation, ...]]:
    """
    Every derivation implied by copying links and citations, by statement.

    A derivation that would close a cycle (two sources copying each
    other, statements of one date) is dropped with every other implied
    derivation on that cycle: those statements stay origins. Declared
    derivations never form a cycle, so what is left has none.
    """
    found: dict[str, list[Derivation]] = {}
    _copies(view, copying, found)
    _citations(view, found)
    _declared_copies(view, found)
    if not found:
        return {}
    on_cycle = _implied_on_cycles(view.statements, found)
    return {
        child: kept
        for child, derivations in found.items()
        if (
            kept := tuple(
                sorted(
                    (
                        d
                        for d in derivations
                        if (child, d.parent) not in on_cycle
                    ),
                    key=_by_parent,
                )
            )
        )
    }


def _by_parent(derivation: Derivation) -> tuple[str, str]:
    return (derivation.parent, derivation.via)


def _copies(
    view: DerivationView,
    copying: frozenset[Relation],
    found: dict[str, list[Derivation]],
) -> None:
    canonical = view.canonical_source
    copied_by: dict[str, list[Link]] = {}
    for link in view.affiliation_links():
        if link.relation in copying:
            subject, object = canonical(link.subject), canonical(link.object)
            if subject != object:  # never between a source and itself
                copied_by.setdefault(subject, []).append(link)
    if not copied_by:
        return
    targets = {
        canonical(lk.object) for links in copied_by.values() for lk in links
    }
    said: dict[_Key, list[Statement]] = {}
    by_copier: dict[str, list[Statement]] = {}
    for statement in view.statements.values():
        if statement.stance is Stance.RETRACTS:
            continue
        speaker = canonical(statement.source)
        if speaker in targets:
            said.setdefault(
                (speaker, view.claim_root(statement.claim), statement.stance),
                [],
            ).append(statement)
        if speaker in copied_by:
            by_copier.setdefault(speaker, []).append(statement)
    for speaker, statements in by_copier.items():
        for statement in statements:
            date = view.date_of(statement)
            root = view.claim_root(statement.claim)
            for link in copied_by[speaker]:
                if not link.holds_at(date):
                    continue
                key: _Key = (canonical(link.object), root, statement.stance)
                template = Derivation(statement.id, "", "copies", link=link)
                _add(view, statement, date, said.get(key, ()), template, found)


def _citations(
    view: DerivationView, found: dict[str, list[Derivation]]
) -> None:
    for document in view.citing_documents():
        statements = [
            s
            for s in view.statements_in(document.id)
            if not s.derives_from and s.stance is not Stance.RETRACTS
        ]
        if not statements:
            continue
        for cited in document.cites:
            said: dict[tuple[str, Stance], list[Statement]] = {}
            key: tuple[str, Stance]
            for parent in view.statements_in(cited):
                if parent.stance is not Stance.RETRACTS:
                    key = (view.claim_root(parent.claim), parent.stance)
                    said.setdefault(key, []).append(parent)
            if not said:
                continue
            for statement in statements:
                wanted = (view.claim_root(statement.claim), statement.stance)
                template = Derivation(
                    statement.id, "", "cites", document=cited
                )
                date = view.date_of(statement)
                candidates = said.get(wanted, ())
                _add(view, statement, date, candidates, template, found)


def _declared_copies(
    view: DerivationView, found: dict[str, list[Derivation]]
) -> None:
    """Derivations from ``copies`` links a person recorded."""
    table = view.statements
    for link in view.copy_links():
        copier = table.get(link.subject)
        if copier is not None:
            # Validation refuses retractions and later parents; keep the
            # same filter as the other rules all the same.
            parent = table.get(link.object)
            if (
                parent is not None
                and Stance.RETRACTS not in (copier.stance, parent.stance)
                and not is_later(view.date_of(parent), view.date_of(copier))
                and link.object not in copier.derives_from
            ):
                mine = found.setdefault(copier.id, [])
                if all(d.parent != link.object for d in mine):
                    mine.append(
                        Derivation(copier.id, link.object, "copies", link=link)
                    )
            continue
        # A document copying a document: each of its statements derives
        # from the copied one's statements on its claim, with its stance.
        said: dict[tuple[str, Stance], list[Statement]] = {}
        for parent in view.statements_in(link.object):
            if parent.stance is not Stance.RETRACTS:
                key = (view.claim_root(parent.claim), parent.stance)
                said.setdefault(key, []).append(parent)
        for statement in view.statements_in(link.subject):
            if statement.stance is Stance.RETRACTS:
                continue
            wanted = (view.claim_root(statement.claim), statement.stance)
            template = Derivation(
                statement.id, "", "copies", link=link, document=link.object
            )
            date = view.date_of(statement)
            _add(view, statement, date, said.get(wanted, ()), template, found)


def _add(
    view: DerivationView,
    statement: Statement,
    date: PartialDate | None,
    candidates: Iterable[Statement],
    template: Derivation,
    found: dict[str, list[Derivation]],
) -> None:
    """File a derivation from each candidate that is not later."""
    for parent in candidates:
        if (
            parent.id == statement.id
            or parent.id in statement.derives_from
            or is_later(view.date_of(parent), date)
        ):
            continue
        mine = found.setdefault(statement.id, [])
        if all(d.parent != parent.id or d.via != template.via for d in mine):
            mine.append(attrs.evolve(template, parent=parent.id))


def _implied_on_cycles(
    statements: Mapping[str, Statement],
    implied: Mapping[str, list[Derivation]],
) -> set[tuple[str, str]]:
    """The implied (child, parent) edges that lie on a cycle."""
    component = strongly_connected(
        implied,
        lambda node: (
            *statements[node].derives_from,
            *(d.parent for d in implied.get(node, ())),
        ),
    )
    return {
        (child, d.parent)
        for child, derivations in implied.items()
        for d in derivations
        if component[child] == component.get(d.parent)
    }
