# SPDX-License-Identifier: MIT
"""What accepting or rejecting a suspicion records: links, never edits."""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable
from typing import TYPE_CHECKING

from claimtrack._dates import PartialDate, Precision, last_day
from claimtrack._links import Link, Relation
from claimtrack._suspicions import Suspicion, SuspicionKind
from claimtrack.exceptions import InvalidValueError


if TYPE_CHECKING:
    from claimtrack._views import ClaimSetView


__all__ = ["accepted_links", "rejection_link"]


def accepted_links(
    claim_set: ClaimSetView,
    suspicion: Suspicion,
    *,
    note: str | None,
    copier: str | None,
) -> list[Link]:
    """
    The links that declare what *suspicion* implies.

    Reused text: the copy ``copies`` the original (documents). A shared
    quote: the later statement ``copies`` the earlier. A copying source:
    the later ``copies_from`` the earlier. A wire credit: every source
    speaking in the document ``copies_from`` the credited source on the
    document's date. A same claim: ``same_as``. Each link keeps the
    suspicion's evidence and *note*.

    Raises:
        InvalidValueError: If the dates do not tell which record copies
            and *copier* does not say; or a wire credit names no recorded
            source.
    """
    kind = suspicion.kind
    records = suspicion.records

    def made(
        subject: str,
        relation: Relation,
        object: str,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        context: str = "",
    ) -> Link:
        return Link(
            id=f"{subject} {relation.value} {object}{context} (accepted)",
            subject=subject,
            relation=relation,
            object=object,
            valid_from=start,
            valid_to=end,
            evidence=suspicion.evidence,
            note=note,
        )

    if kind is SuspicionKind.SAME_CLAIM:
        return [made(records[0], Relation.SAME_AS, records[1])]
    if kind is SuspicionKind.WIRE_CREDIT:
        return _wire_links(claim_set, suspicion, made)
    later, earlier = _direction(suspicion, copier)
    relation = (
        Relation.COPIES_FROM
        if kind is SuspicionKind.COPYING_SOURCE
        else Relation.COPIES
    )
    return [made(later, relation, earlier)]


def _direction(suspicion: Suspicion, copier: str | None) -> tuple[str, str]:
    first, second = suspicion.records[0], suspicion.records[1]
    if copier is None:
        if suspicion.ordered:
            return second, first
        copy = suspicion.data.get("copy")
        if isinstance(copy, str):
            return (copy, first if copy == second else second)
        raise InvalidValueError(
            "copier",
            None,
            f"the dates do not tell whether {first!r} or {second!r} "
            "copies: say which with copier=",
        )
    if copier not in (first, second):
        raise InvalidValueError(
            "copier", copier, f"expected {first!r} or {second!r}"
        )
    return copier, (second if copier == first else first)


def _wire_links(
    claim_set: ClaimSetView,
    suspicion: Suspicion,
    made: Callable[..., Link],
) -> list[Link]:
    if len(suspicion.records) < 2:
        raise InvalidValueError(
            "suspicion",
            suspicion.data.get("credit"),
            "no source of that name is recorded: record it (or give it "
            "that alias), then accept",
        )
    document_id, wire = suspicion.records
    document = claim_set.document(document_id)
    speakers = sorted(
        {
            s.source
            for s in claim_set.statements_in(document_id)
            if s.source != wire
        }
    )
    if not speakers:
        raise InvalidValueError(
            "suspicion",
            document_id,
            f"document {document_id!r} holds no statement to tie to {wire!r}",
        )
    start = document.date
    end = None if start is None else _next_day(start)
    return [
        made(
            speaker,
            Relation.COPIES_FROM,
            wire,
            start,
            end,
            f" for {document_id}",
        )
        for speaker in speakers
    ]


def _next_day(date: PartialDate) -> PartialDate:
    """The day after the last day *date* may be."""
    day = last_day(date) + dt.timedelta(days=1)
    return PartialDate(day, Precision.DAY)


def rejection_link(suspicion: Suspicion, *, note: str | None) -> Link:
    """The ``distinct_from`` link that records *suspicion* as wrong."""
    first = suspicion.records[0]
    second = suspicion.records[-1]
    return Link(
        id=f"{first} {Relation.DISTINCT_FROM.value} {second} (rejected)",
        subject=first,
        relation=Relation.DISTINCT_FROM,
        object=second,
        evidence=suspicion.evidence,
        note=note,
    )
