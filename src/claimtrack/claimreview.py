# SPDX-License-Identifier: MIT
"""
schema.org ClaimReview in and out: the markup fact-checkers publish.

`import_claimreviews` reads parsed ClaimReview JSON, as found in
fact-checkers' pages, the Google Fact Check Tools API, the Data Commons
feed or ClaimsKG, into a `ClaimSet`; `export_claimreviews` writes a claim
set's reviews back as ClaimReview JSON-LD, a list or a ``DataFeed``;
`check_claimreviews` says what Google's documentation flags in any
ClaimReview JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar

import attrs

from claimtrack._claimreview_import import (
    UNREADABLE,
    Importer,
    SkipError,
    reason_of,
)
from claimtrack._claimreview_reading import (
    read_node,
    review_nodes,
)
from claimtrack._claimreview_rules import (
    ADVISED_CLAIM_LENGTH,
    ClaimReviewIssue,
    Severity,
    check_claimreviews,
)
from claimtrack._claimreview_writing import (
    DataFeedResult,
    ExportResult,
    export_claimreviews,
)
from claimtrack._claimset import ClaimSet
from claimtrack._records import Record
from claimtrack._reviews import Review
from claimtrack._verdicts import Verdict, verdict_of
from claimtrack.exceptions import (
    ClaimReviewError,
    InvalidValueError,
)


__all__ = [
    "ADVISED_CLAIM_LENGTH",
    "ClaimReviewIssue",
    "DataFeedResult",
    "ExportResult",
    "ImportResult",
    "Severity",
    "Skipped",
    "check_claimreviews",
    "export_claimreviews",
    "import_claimreviews",
]


T = TypeVar("T")


def __dir__() -> list[str]:
    return __all__


@attrs.frozen
class Skipped:
    """
    A ClaimReview record the importer left out, and why.

    Attributes:
        path: Where it is in the data, as a JSON path.
        url: The review's URL, when it has one.
        reason: Why it was left out.
        data: The record as it was found.
    """

    path: str
    url: str | None
    reason: str
    data: Any = attrs.field(repr=False)

    def __str__(self) -> str:
        return str(ClaimReviewError(self.path, self.reason, url=self.url))


@attrs.frozen
class ImportResult:
    """
    What `import_claimreviews` found and recorded.

    Attributes:
        reviews: The reviews the data holds, in the order found, whether
            they were new or already recorded.
        recorded: Every record this import added to the set (sources,
            documents, claims, statements and reviews); empty when the
            data had all been imported before.
        skipped: With ``errors="collect"``, the records left out.
        notes: Values the importer could not read and left out, each
            with its JSON path (an unreadable date, for instance).
    """

    reviews: tuple[Review, ...]
    recorded: tuple[Record, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"<ImportResult(reviews={len(self.reviews)}, "
            f"recorded={len(self.recorded)}, skipped={len(self.skipped)}, "
            f"notes={len(self.notes)})>"
        )


def import_claimreviews(
    claim_set: ClaimSet,
    data: Any,
    *,
    errors: Literal["raise", "collect"] = "raise",
    base_url: str | None = None,
    labels: Mapping[str, Verdict | str] | None = None,
) -> ImportResult:
    """
    Record the fact-checks in parsed ClaimReview JSON.

    *data* may be one ClaimReview object, a list of them, a JSON-LD
    document with an ``@graph``, a Data Commons ``DataFeed`` or
    ``DataFeedItem``, a Google Fact Check Tools API response or one of its
    ``claims`` items, or a ClaimsKG SPARQL result; reviews are found
    wherever they are nested. For each review it records:

    - the claim (``claimReviewed``);
    - the reviewer, a source (``author``; else ``publisher``; else the
      host of the review's URL);
    - the review with its rating, and the verdict worked out from it;
    - the claimant, a source (``itemReviewed.author``), with a statement
      asserting the claim, dated ``itemReviewed.datePublished``, in the
      first appearance if there is one;
    - each ``appearance`` and the ``firstAppearance``, as documents, each
      with the claimant's statement in it (the URL of ``itemReviewed``
      itself counts as the first appearance when none is named).

    The review's *reviewed* statements are the claimant's.

    Ids are made from the data (the review's URL and the claim's text, a
    source's name, a document's URL), so importing the same data twice
    records nothing new, and a reviewer met in many files is one source.
    A source already recorded under the same name or alias, whole (case
    and accents aside), is used rather than a new one, when only one is:
    "AFP" is not "AFP Fact Check".

    The importer is lenient about what publishers vary: ``@type`` in lower
    case or as a list, authors as lists or strings, numbers as strings,
    empty or equal best and worst ratings, dates with a space and no zone,
    UTC offsets with a one-digit hour (``+5:30``) or a space before them,
    HTML entities, URLs without a scheme or relative to the review.

    Args:
        claim_set: The set to record into; all or nothing.
        data: Parsed JSON (`json.load`'s result), not JSON text.
        errors: ``"raise"`` to stop at the first review that cannot be
            imported; ``"collect"`` to leave such reviews out and list
            them in the result's *skipped*, each with its reason. A
            review is left out for anything in it that cannot be read
            or recorded: a lone surrogate in a text, a number beyond a
            float, an invalid value of any kind.
        base_url: What relative review URLs are resolved against.
        labels: Extra rating labels and their verdicts for this import
            (see `verdict_of`).

    Returns:
        An `ImportResult`.

    Raises:
        ClaimReviewError: If a review has no claim text, no rating (a
            label or a numeric value) or no reviewer, or clashes with a
            different record already in the set, naming it by its JSON
            path and URL; if *data* holds no review at all; or if it
            contains itself (a list or object inside itself, which only
            Python data can do). Lists and objects shared by two places
            in Python data are searched once.
        InvalidValueError: If *errors* or *labels* is invalid.
    """
    if errors not in ("raise", "collect"):
        raise InvalidValueError(
            "errors", errors, "expected 'raise' or 'collect'"
        )
    if labels is not None:
        verdict_of("", labels=labels)  # check them once, up front
    if not isinstance(data, (list, Mapping)):
        raise ClaimReviewError(
            "$",
            "expected parsed JSON: an object or a list (use json.load on "
            "the text first)",
        )
    importer = Importer(claim_set, labels)
    reviews: dict[str, Review] = {}
    skipped: list[Skipped] = []
    count = 0
    for path, node, kind in review_nodes(data):
        count += 1
        try:
            founds = read_node(path, node, kind, base_url)
        except UNREADABLE as e:
            if errors == "raise":
                raise ClaimReviewError(path, reason_of(e)) from None
            skipped.append(Skipped(path, None, reason_of(e), node))
            continue
        for found in founds:
            noted = len(importer.notes)
            try:
                review = importer.build(found)
            except (SkipError, *UNREADABLE) as e:
                del importer.notes[noted:]
                if errors == "raise":
                    raise ClaimReviewError(
                        found.path, reason_of(e), url=found.url
                    ) from None
                skipped.append(
                    Skipped(found.path, found.url, reason_of(e), found.data)
                )
                continue
            reviews.setdefault(review.id, review)
    if count == 0 and data:
        raise ClaimReviewError(
            "$",
            'no ClaimReview found (expected objects with "@type": '
            '"ClaimReview", a Fact Check Tools API response or ClaimsKG '
            "results)",
        )
    recorded = tuple(importer.pending.values())
    claim_set.record_many(recorded)
    return ImportResult(
        reviews=tuple(reviews.values()),
        recorded=recorded,
        skipped=tuple(skipped),
        notes=tuple(dict.fromkeys(importer.notes)),
    )
