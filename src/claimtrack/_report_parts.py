# SPDX-License-Identifier: MIT
"""The parts of a corroboration report: status, origin groups, changes."""

from __future__ import annotations

import enum

from typing import Any, cast

import attrs

from claimtrack._affiliations import Independence
from claimtrack._field_checks import Slotted, mutable_twin
from claimtrack._statements import Stance, Statement


__all__ = [
    "CREDIBILITY_LABELS",
    "BlockedPath",
    "ClaimChange",
    "EvidenceStatus",
    "OriginGroup",
    "credibility_of",
    "quick_group",
]


class EvidenceStatus(enum.StrEnum):
    """Where the evidence for a claim stands; computed, never typed in."""

    CORROBORATED = "corroborated"
    """At least the policy's minimum (2) independent groups assert it."""
    CONTESTED = "contested"
    """At least one independent group asserts it and one denies it."""
    SINGLE_ORIGIN = "single_origin"
    """Every assertion leads back to one origin group."""
    INSUFFICIENT = "insufficient"
    """More than one group, fewer than a policy minimum above 2."""
    DENIED = "denied"
    """Only denials are live."""
    UNSUPPORTED = "unsupported"
    """No live origin: nothing said, all of it retracted or not yet said."""


CREDIBILITY_LABELS = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
"""The Admiralty information-credibility numbers and their meanings."""


@attrs.frozen
class BlockedPath:
    """
    A derivation that does not reach an origin.

    Attributes:
        statement: The id of the statement whose source is unusable.
        derives_from: The id of the statement it derives from.
        reason: Why that statement does not count ("retracted by s9 on
            2025-06-10", "dated after 2025-06-01").
    """

    statement: str
    derives_from: str
    reason: str


@attrs.frozen
class ClaimChange:
    """
    Where a chain leaves the claim asked about for another claim.

    Attributes:
        statement: The id of the statement about the claim (or its
            ``same_as`` class).
        claim: Its claim.
        parent: The id of the statement it rests on, about another claim.
        parent_claim: That statement's claim.
        parent_source: That statement's source.
    """

    statement: str
    claim: str
    parent: str
    parent_claim: str
    parent_source: str


@attrs.frozen
class OriginGroup(Slotted):
    """
    Origins whose sources are one voice, and the statements that carry them.

    Attributes:
        stance: `Stance.ASSERTS` or `Stance.DENIES`.
        origins: The origin statements (deriving from nothing), by id.
        sources: The ids of the origins' sources.
        carriers: The statements that relay, cite, copy or quote the
            origins, nearest first.
        ties: Why the origins' sources count as one voice: one
            `Independence` (falsy) per origin that joined the group, the
            shortest tie found to an origin already in it, so that the
            ties join the origins as a tree.
        carrier_ties: Carriers whose sources would not be independent of
            an origin's source even had they spoken in their own voice,
            with the path that ties them (the FAMa General Staff citing
            an AES inquiry, when Mali is a member of the AES).
    """

    stance: Stance
    origins: tuple[Statement, ...]
    sources: frozenset[str]
    carriers: tuple[Statement, ...] = ()
    ties: tuple[Independence, ...] = ()
    carrier_ties: tuple[Independence, ...] = ()


_GroupDraft = mutable_twin(OriginGroup)


def quick_group(
    stance: Stance,
    origins: tuple[Statement, ...],
    sources: frozenset[str],
    carriers: tuple[Statement, ...],
    ties: tuple[Independence, ...],
    carrier_ties: tuple[Independence, ...],
) -> OriginGroup:
    """The `OriginGroup` of these fields, made without its ``__init__``."""
    group: Any = object.__new__(_GroupDraft)
    group.stance = stance
    group.origins = origins
    group.sources = sources
    group.carriers = carriers
    group.ties = ties
    group.carrier_ties = carrier_ties
    group.__class__ = OriginGroup
    return cast("OriginGroup", group)


def credibility_of(asserting: int, denying: int) -> int:
    """
    The Admiralty information-credibility number for group counts.

    No origins: 6. Only denials: 5. No denials: 1 for two or more
    independent asserting groups, 3 for one. With denials: 3 when
    asserting groups outnumber denying ones, 4 otherwise.
    """
    if asserting == 0:
        return 6 if denying == 0 else 5
    if denying:
        return 3 if asserting > denying else 4
    return 1 if asserting >= 2 else 3
