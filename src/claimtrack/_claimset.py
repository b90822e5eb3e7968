# SPDX-License-Identifier: MIT
"""`ClaimSet`: the one mutable aggregate; records, links and answers."""

from __future__ import annotations

import os

from pathlib import Path

import attrs

from claimtrack._affiliations import (
    Independence,
    independence,
)
from claimtrack._corroboration import corroborate
from claimtrack._dates import DateLike, optional_date
from claimtrack._display import html_of
from claimtrack._files import write_atomically
from claimtrack._gc_pause import pause_cyclic_gc
from claimtrack._json_document import parse_document, problems_at
from claimtrack._json_writer import checked_indent, chunks
from claimtrack._ordering import natural_key
from claimtrack._policy import (
    DEFAULT_POLICY,
    CorroborationPolicy,
    checked_policy,
)
from claimtrack._records import differences
from claimtrack._report import CorroborationReport
from claimtrack._store import Store
from claimtrack._strict_json import read_json
from claimtrack._suspecting import Suspecting, SuspicionCache
from claimtrack.exceptions import (
    Conflict,
    FormatError,
    InvalidValueError,
    MergeConflictError,
    PathError,
)


__all__ = ["ClaimSet"]


@attrs.define(eq=False, repr=False)
class ClaimSet(Suspecting):
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
        default=DEFAULT_POLICY, validator=lambda _s, _a, v: checked_policy(v)
    )
    _store: Store = attrs.field(init=False, factory=Store)
    _suspected: SuspicionCache = attrs.field(
        init=False, factory=SuspicionCache
    )

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

    def _repr_html_(self) -> str:
        """What a notebook shows: the counts and the status of every claim."""
        return html_of(self)

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
        claim = self.claim(claim).id
        chosen = self._chosen(policy)
        when = optional_date(as_of, None)
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
        when = optional_date(as_of, None)
        chosen = self._chosen(policy)
        index = self._store
        # Every claim of a same_as class has the same answer but for the
        # claim asked about: the class is walked once, not once a member.
        answered: dict[str, CorroborationReport] = {}
        reports = []
        with pause_cyclic_gc():
            # Without a suspicion that holds, no report gains any.
            suspected = bool(index.claims) and bool(
                self._held_suspicions_by_record()
            )
            for claim in sorted(index.claims, key=natural_key):
                root = index.claim_root(claim)
                report = answered.get(root)
                if report is None:
                    report = corroborate(index, claim, when, chosen)
                    answered[root] = report
                else:
                    report = attrs.evolve(report, claim=claim)
                if suspected:
                    report = self._with_suspicions(report)
                reports.append(report)
        return tuple(reports)

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
        a = self.source(a).id
        b = self.source(b).id
        when, chosen = optional_date(at, None), self._chosen(policy)
        return independence(
            a,
            self._store.closure(a, when, chosen),
            b,
            self._store.closure(b, when, chosen),
        )

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
        if not isinstance(other, ClaimSet):
            raise InvalidValueError(
                "other", other, "expected a ClaimSet to merge"
            )
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

    # -- JSON ------------------------------------------------------------

    def to_json(self, *, indent: int | None = 2) -> str:
        """
        The set as claimtrack JSON text (the newest format version).

        The text is deterministic: equal sets give identical text, records
        sorted by id, keys in a fixed order, dates in their own precision,
        absent optional fields left out.

        Args:
            indent: Spaces per level (2 by default); None writes the
                compact layout, one line with no spaces, through the C
                encoder: about three times as fast to write and a third
                smaller.

        Raises:
            InvalidValueError: If *indent* is neither None nor 0 to 16.
        """
        return "".join(chunks(self, checked_indent(indent)))

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
        with pause_cyclic_gc():
            parsed = parse_document(read_json(text))
            claim_set = cls(policy=parsed.policy)
            batch = claim_set._batch(parsed.records)
            problems = problems_at(parsed.paths, batch.problems())
            if problems:
                raise FormatError(problems)
            claim_set._apply_batch(batch, fresh=True)
        return claim_set

    def save(
        self,
        path: str | os.PathLike[str],
        *,
        lock: bool = False,
        indent: int | None = 2,
    ) -> None:
        """
        Write the set to *path* as claimtrack JSON, atomically.

        A temporary file in the target's folder is written, synced to disk
        and renamed over the target; if anything fails, the file that was
        there is untouched. A symbolic link is followed and stays a link.

        Args:
            path: The file to write.
            lock: Wait for, and hold while writing, the lock that
                `file_lock` takes. Off by default: the last save wins.
            indent: As for `to_json`: None writes the compact layout.

        Raises:
            PathError: If *path* names a folder, FIFO or device, or cannot
                be a file name.
            OSError: If writing fails (a full disk, no permission).
        """
        layout = checked_indent(indent)
        write_atomically(path, chunks(self, layout), lock=lock)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ClaimSet:
        """
        Load a claim set from a claimtrack JSON file.

        Raises:
            FormatError: As `from_json` does.
            OSError: If the file cannot be read.
        """
        try:
            data = Path(path).read_bytes()
        except ValueError:
            raise PathError(
                str(path), "a path cannot hold a NUL character", action="read"
            ) from None
        except TypeError:
            raise PathError(repr(path), "not a path", action="read") from None
        return cls.from_json(data)
