# SPDX-License-Identifier: MIT
"""
Track claims and where they come from.

claimtrack answers one question honestly: is this claim independently
corroborated, or do all its "sources" lead back to one voice?
"""

from __future__ import annotations

from claimtrack import claimreview as claimreview
from claimtrack import html as html
from claimtrack._affiliations import Independence, Tie
from claimtrack._batch_base import Finding
from claimtrack._claims import Claim
from claimtrack._claimset import ClaimSet
from claimtrack._dates import DateLike, PartialDate, Precision, compare_dates
from claimtrack._derivations import Derivation
from claimtrack._documents import Document
from claimtrack._example import example
from claimtrack._files import file_lock
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
    ClaimChange,
    CorroborationReport,
    EvidenceStatus,
    OriginGroup,
)
from claimtrack._report_parts import credibility_of
from claimtrack._reviews import Evidence, EvidenceRole, Rating, Review
from claimtrack._sources import (
    COMMON_SOURCE_KINDS,
    RELIABILITY_LETTERS,
    Source,
)
from claimtrack._statements import Stance, Statement, Via
from claimtrack._suspicions import Suspicion, SuspicionKind
from claimtrack._verdicts import (
    RATING_LABELS,
    Verdict,
    add_rating_labels,
    label_key,
    verdict_of,
)
from claimtrack._version import VERSION
from claimtrack.exceptions import (
    AffiliationCycleError,
    ClaimReviewError,
    ClaimReviewExportError,
    ClaimReviewProblem,
    ClaimReviewWarning,
    ClaimtrackError,
    Conflict,
    DuplicateIdError,
    FormatError,
    FormatProblem,
    InvalidIntervalError,
    InvalidRetractionError,
    InvalidValueError,
    MergeConflictError,
    MissingExtraError,
    PathError,
    RelayCycleError,
    TableError,
    TableProblem,
    TemporalInconsistencyError,
    UnknownReferenceError,
)


__all__ = [
    "CLAIM_RELATIONS",
    "COMMON_SOURCE_KINDS",
    "CREDIBILITY_LABELS",
    "DEFAULT_POLICY",
    "HIERARCHICAL_RELATIONS",
    "RATING_LABELS",
    "RELIABILITY_LETTERS",
    "SOURCE_RELATIONS",
    "AffiliationCycleError",
    "BlockedPath",
    "Claim",
    "ClaimChange",
    "ClaimReviewError",
    "ClaimReviewExportError",
    "ClaimReviewProblem",
    "ClaimReviewWarning",
    "ClaimSet",
    "ClaimtrackError",
    "Conflict",
    "CorroborationPolicy",
    "CorroborationReport",
    "DateLike",
    "Derivation",
    "Document",
    "DuplicateIdError",
    "Evidence",
    "EvidenceRole",
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
    "MissingExtraError",
    "OriginGroup",
    "PartialDate",
    "PathError",
    "Precision",
    "Rating",
    "Record",
    "Relation",
    "RelayCycleError",
    "Review",
    "Source",
    "Stance",
    "Statement",
    "Suspicion",
    "SuspicionKind",
    "TableError",
    "TableProblem",
    "TemporalInconsistencyError",
    "Tie",
    "UnknownReferenceError",
    "Verdict",
    "Via",
    "add_rating_labels",
    "compare_dates",
    "credibility_of",
    "example",
    "file_lock",
    "label_key",
    "verdict_of",
]

__version__ = VERSION


def __dir__() -> list[str]:
    return __all__
