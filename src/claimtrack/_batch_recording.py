# SPDX-License-Identifier: MIT
"""Recording prebuilt records, one or many at a time, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self, TypeVar, cast

import attrs

from claimtrack._batch_base import Finding
from claimtrack._field_checks import listed
from claimtrack._gc_pause import pause_cyclic_gc
from claimtrack._links import Link
from claimtrack._policy import CorroborationPolicy, checked_policy
from claimtrack._queries import Queries
from claimtrack._quick_check import surely_valid
from claimtrack._records import RECORD_TYPES, Record
from claimtrack._statements import Statement
from claimtrack._validation import Batch
from claimtrack.exceptions import InvalidValueError


__all__ = ["BatchRecording"]

R = TypeVar("R", bound=Record)


class BatchRecording(Queries):
    """
    Recording prebuilt records: the way in under every ``record_*`` verb.

    A record that surely passes every check is filed at once; any other
    goes through a `Batch`, which finds every problem before anything is
    filed.
    """

    policy: CorroborationPolicy

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
        with pause_cyclic_gc():
            batch = self._batch(listed(records, "records"))
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
        with pause_cyclic_gc():
            return list(self._batch(listed(records, "records")).problems())

    def _apply_batch(self, batch: Batch, *, fresh: bool = False) -> None:
        """
        File every record of *batch*, which has no problem.

        Args:
            batch: The checked records.
            fresh: The set was just made and never asked anything, so it
                holds no answer to forget (`from_json` only: an empty set
                may have been asked already).
        """
        # Links are filed by the kind of their ends: apply those first.
        first: list[Record] = []
        later: list[Record] = []
        for record in batch.new_records:
            (later if isinstance(record, (Link, Statement)) else first).append(
                record
            )
        add_many = self._store.add_many
        add_many(first)
        add_many(later)
        if not fresh:
            forget = self._forget
            for record in first:
                forget(record)
            for record in later:
                forget(record)

    def _record_one(self, record: R) -> R:
        if not isinstance(record, RECORD_TYPES):
            raise InvalidValueError(
                "record", record, "not a claimtrack record"
            )
        return self._record_new(record)

    def _record_new(self, record: R) -> R:
        """Record *record*, known to be a record, as `_record_one` does."""
        store = self._store
        existing = store.records.get(record.id)
        if existing is not None and existing == record:
            return cast("R", existing)
        if existing is not None or not surely_valid(record, store.records.get):
            problem = next(self._batch([record]).problems(), None)
            if problem is not None:
                raise problem.error
        store.add(record)
        self._forget(record)
        return record

    def _batch(self, records: list[Record]) -> Batch:
        return Batch(self._store, records)

    def _forget(self, record: Record) -> None:
        """Forget what *record* may change above the store (nothing here)."""

    def copy(self) -> Self:
        """An independent copy of the set (records are immutable, shared)."""
        other = self._empty()
        other.record_many(self._store.records.values())
        return other

    def _empty(self) -> Self:
        """A new set with this one's policy (every other field afresh)."""
        fresh: Self = attrs.evolve(cast("Any", self))
        return fresh

    def _chosen(
        self, policy: CorroborationPolicy | None
    ) -> CorroborationPolicy:
        return self.policy if policy is None else checked_policy(policy)
