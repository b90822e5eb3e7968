# SPDX-License-Identifier: MIT
"""What checking a batch of new records looks up: old and new, side by side."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple, Protocol

from claimtrack._graphs import MergedClasses, UnionFind
from claimtrack._links import (
    Link,
    Relation,
)
from claimtrack._quick_check import effective_date
from claimtrack._records import KIND_NAMES, Record
from claimtrack._sources import Source
from claimtrack._statements import Statement
from claimtrack.exceptions import (
    ClaimtrackError,
    UnknownReferenceError,
)


__all__ = [
    "BatchBase",
    "Finding",
    "Recorded",
]


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
    def source_links_in(self) -> Mapping[str, Sequence[Link]]:
        """The same links, by the source they point at."""

    @property
    def subordinates(self) -> Mapping[str, int]:
        """How many hierarchical links point at each source."""

    @property
    def class_subordinates(self) -> Mapping[str, int]:
        """How many point into each ``same_as`` class, by representative."""


class BatchBase:
    """
    New records beside those already there: what every check looks up.

    The state a `Batch` checks against, and the look-ups through it: a
    record by id among the old and the new, the ``same_as`` classes and
    the affiliation graph as they would be with the batch.
    """

    def __init__(self, recorded: Recorded, new: Sequence[Record]) -> None:
        self._records = recorded.records
        self._same_source = recorded.same_source
        self.source_links = recorded.source_links
        self.source_links_in = recorded.source_links_in
        self.subordinates = recorded.subordinates
        self.class_subordinates = recorded.class_subordinates
        self._new = new
        self._staged: dict[str, Record] = {}
        self.new_records: list[Record] = []
        self._partition: UnionFind | MergedClasses | None = None

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

    def _canonical(self, source: str) -> str:
        return self.merged_sources().find(source)

    def merged_sources(self) -> UnionFind | MergedClasses:
        """
        The ``same_as`` classes of sources with the batch's links.

        The classes already there are never copied: the batch's unions
        sit on top of them, so a batch pays for its own links only.
        """
        if self._partition is None:
            merges = [
                r
                for r in self.new_records
                if isinstance(r, Link)
                and r.relation is Relation.SAME_AS
                and isinstance(self._resolve(r.subject), Source)
            ]
            if merges:
                merged = MergedClasses(self._same_source)
                for link in merges:
                    merged.union(link.subject, link.object)
                self._partition = merged
            else:
                self._partition = self._same_source
        return self._partition

    def _dated(self, statement: Statement) -> str:
        """*statement*'s effective date in words, for messages."""
        own = statement.date
        if own is not None or statement.document is None:
            return f"dated {own}"
        return (
            f"dated {effective_date(statement, self._resolve)} (the date "
            f"of its document {statement.document!r})"
        )
