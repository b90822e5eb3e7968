# SPDX-License-Identifier: MIT
"""Discovery: every kind of suspicion, found and less what was judged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimtrack._gc_pause import pause_cyclic_gc
from claimtrack._links import Relation
from claimtrack._suspected_sources import copying_sources, same_claims
from claimtrack._suspected_texts import (
    reused_text,
    shared_quotes,
    wire_credits,
)
from claimtrack._suspicions import Suspicion, SuspicionKind, strongest_first


if TYPE_CHECKING:
    from claimtrack._views import ClaimSetView


__all__ = ["not_judged", "suspicions_of_kind"]


def suspicions_of_kind(
    claim_set: ClaimSetView, kind: SuspicionKind
) -> list[Suspicion]:
    """Every suspicion of one kind, judged ones included, in no order."""
    finders = {
        SuspicionKind.REUSED_TEXT: reused_text,
        SuspicionKind.SHARED_QUOTE: shared_quotes,
        SuspicionKind.WIRE_CREDIT: wire_credits,
        SuspicionKind.COPYING_SOURCE: copying_sources,
        SuspicionKind.SAME_CLAIM: same_claims,
    }
    # Nothing a search builds needs the cyclic collector while it runs.
    with pause_cyclic_gc():
        return list(finders[kind](claim_set))


def not_judged(
    claim_set: ClaimSetView, found: Iterable[Suspicion]
) -> list[Suspicion]:
    """*found* less what a person accepted or rejected, strongest first."""
    judged = _judged(claim_set)
    kept = [s for s in found if frozenset(s.records) not in judged]
    kept.sort(key=strongest_first)
    return kept


def _judged(claim_set: ClaimSetView) -> set[frozenset[str]]:
    """Pairs a person already linked (accepted or rejected): not raised."""
    return {
        frozenset((link.subject, link.object))
        for link in claim_set.links
        if link.relation
        in (
            Relation.COPIES,
            Relation.DISTINCT_FROM,
            Relation.COPIES_FROM,
            Relation.SAME_AS,
        )
    }
