# SPDX-License-Identifier: MIT
"""
Track claims and where they come from.

claimtrack answers one question honestly: is this claim independently
corroborated, or do all its "sources" lead back to one voice?
"""

from __future__ import annotations

from claimtrack._affiliations import Independence, Tie
from claimtrack._claims import Claim
from claimtrack._claimset import ClaimSet
from claimtrack._corroboration import credibility_of
from claimtrack._dates import DateLike, PartialDate, Precision, compare_dates
from claimtrack._documents import Document
from claimtrack._example import example
from claimtrack._links import (
    CLAIM_RELATIONS,
    HIERARCHICAL_RELATIONS,
    SOURCE_RELATIONS,
    Link,
    Relation,
)
from claimtrack._policy import DEFAULT_POLICY, CorroborationPolicy
from claimtrack._records import Record
from claimtrack._report import (
    CREDIBILITY_LABELS,
    BlockedPath,
    CorroborationReport,
    EvidenceStatus,
    OriginGroup,
)
from claimtrack._sources import (
    COMMON_SOURCE_KINDS,
    RELIABILITY_LETTERS,
    Source,
)
from claimtrack._statements import Stance, Statement, Via
from claimtrack._validation import Finding
from claimtrack.exceptions import (
    AffiliationCycleError,
    ClaimtrackError,
    Conflict,
    DuplicateIdError,
    FormatError,
    FormatProblem,
    InvalidIntervalError,
    InvalidRetractionError,
    InvalidValueError,
    MergeConflictError,
    RelayCycleError,
    TemporalInconsistencyError,
    UnknownReferenceError,
)


__all__ = [
    "CLAIM_RELATIONS",
    "COMMON_SOURCE_KINDS",
    "CREDIBILITY_LABELS",
    "DEFAULT_POLICY",
    "HIERARCHICAL_RELATIONS",
    "RELIABILITY_LETTERS",
    "SOURCE_RELATIONS",
    "AffiliationCycleError",
    "BlockedPath",
    "Claim",
    "ClaimSet",
    "ClaimtrackError",
    "Conflict",
    "CorroborationPolicy",
    "CorroborationReport",
    "DateLike",
    "Document",
    "DuplicateIdError",
    "EvidenceStatus",
    "Finding",
    "FormatError",
    "FormatProblem",
    "Independence",
    "InvalidIntervalError",
    "InvalidRetractionError",
    "InvalidValueError",
    "Link",
    "MergeConflictError",
    "OriginGroup",
    "PartialDate",
    "Precision",
    "Record",
    "Relation",
    "RelayCycleError",
    "Source",
    "Stance",
    "Statement",
    "TemporalInconsistencyError",
    "Tie",
    "UnknownReferenceError",
    "Via",
    "compare_dates",
    "credibility_of",
    "example",
]

__version__ = "0.1.0.dev0"


def __dir__() -> list[str]:
    return __all__
