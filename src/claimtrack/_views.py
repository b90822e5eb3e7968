# SPDX-License-Identifier: MIT
"""What rules and formats below the claim set read of it, as protocols."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol


if TYPE_CHECKING:
    from claimtrack._claims import Claim
    from claimtrack._dates import PartialDate
    from claimtrack._documents import Document
    from claimtrack._links import Link
    from claimtrack._policy import CorroborationPolicy
    from claimtrack._reviews import Review
    from claimtrack._sources import Source
    from claimtrack._statements import Statement


__all__ = ["ClaimSetView", "RecordLists"]


class RecordLists(Protocol):
    """A policy and the six record lists: what a document is written from."""

    @property
    def policy(self) -> CorroborationPolicy:
        """The corroboration policy."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source, in recording order."""

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document, in recording order."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, in recording order."""

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, in recording order."""

    @property
    def links(self) -> tuple[Link, ...]:
        """Every link, in recording order."""

    @property
    def reviews(self) -> tuple[Review, ...]:
        """Every review, in recording order."""


class ClaimSetView(RecordLists, Protocol):
    """
    The claim set's public queries that suspicions and judgements read.

    `ClaimSet` provides them; naming them here keeps the rules below the
    claim set, importing nothing from it.
    """

    def statement(self, id: str) -> Statement:
        """The statement with *id*."""

    def document(self, id: str) -> Document:
        """The document with *id*."""

    def statements_in(self, document: str) -> tuple[Statement, ...]:
        """The statements recorded in *document*."""

    def claim_class(self, claim: str) -> tuple[str, ...]:
        """Every claim ``same_as`` *claim*, sorted."""

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""

    def date_of(self, statement: str | Statement) -> PartialDate | None:
        """When *statement* counts as said."""

    def find_sources(self, name: str) -> tuple[Source, ...]:
        """Sources whose name or an alias contains *name*."""

    def links_of(self, id: str) -> tuple[Link, ...]:
        """Every link from or to the record *id*."""
