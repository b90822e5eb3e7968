# SPDX-License-Identifier: MIT
"""Writing a claim set's reviews as schema.org ClaimReview, or as a feed."""

from __future__ import annotations

import warnings

from collections.abc import Iterable, Sequence
from typing import Any, Literal, overload

from claimtrack._claimreview_rules import (
    EXPORT_HINTS,
    Severity,
    check_markup,
)
from claimtrack._claimset import ClaimSet
from claimtrack._documents import Document
from claimtrack._reviews import Rating, Review
from claimtrack._sources import Source
from claimtrack._statements import Statement
from claimtrack.exceptions import (
    ClaimReviewExportError,
    ClaimReviewProblem,
    ClaimReviewWarning,
    InvalidValueError,
)


__all__ = ["DataFeedResult", "ExportResult", "export_claimreviews"]


class ExportResult(list[dict[str, Any]]):
    """
    What `export_claimreviews` wrote: ClaimReview objects, and what they lack.

    It is a list of JSON-ready dicts, one ClaimReview object per review,
    to pass to `json.dumps` as it is, with one more attribute. It compares
    equal to a list of the same objects.

    Attributes:
        problems: The properties Google requires that the exported
            reviews lack, each a `ClaimReviewProblem`, in export order;
            empty unless ``strict=False`` let incomplete reviews through.
    """

    problems: tuple[ClaimReviewProblem, ...]

    def __init__(
        self,
        reviews: Iterable[dict[str, Any]] = (),
        problems: Iterable[ClaimReviewProblem] = (),
    ) -> None:
        super().__init__(reviews)
        self.problems = tuple(problems)


class DataFeedResult(dict[str, Any]):
    """
    What ``export_claimreviews(..., form="datafeed")`` wrote: one DataFeed.

    It is a JSON-ready dict, a schema.org ``DataFeed`` whose
    ``dataFeedElement`` holds one ``DataFeedItem`` per review, each with
    the review's ClaimReview object as its ``item``, with one more
    attribute. It compares equal to a dict of the same content.

    Attributes:
        problems: As for `ExportResult`; a problem's *position* counts
            the reviews in the order the feed lists them.
    """

    problems: tuple[ClaimReviewProblem, ...]

    def __init__(
        self,
        feed: dict[str, Any],
        problems: Iterable[ClaimReviewProblem] = (),
    ) -> None:
        super().__init__(feed)
        self.problems = tuple(problems)


def _party_json(source: Source) -> dict[str, Any]:
    party: dict[str, Any] = {
        "@type": "Person" if source.kind == "person" else "Organization",
        "name": source.name,
    }
    if source.aliases:
        party["alternateName"] = list(source.aliases)
    if source.identifiers:
        # Every identifier, whatever its scheme: sameAs is data here, and
        # a reader that shows it as a link must check the scheme itself.
        party["sameAs"] = list(source.identifiers)
    return party


def _work_json(document: Document) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if document.url is not None:
        work["url"] = document.url
    if document.date is not None:
        work["datePublished"] = document.date.isoformat()
    if document.title is not None:
        work["headline"] = document.title
    return work


def _rating_json(rating: Rating) -> dict[str, Any]:
    written: dict[str, Any] = {"@type": "Rating"}
    written.update(
        (key, value)
        for key, value in (
            ("alternateName", rating.label),
            ("name", rating.label),
            ("ratingValue", rating.value),
            ("bestRating", rating.best),
            ("worstRating", rating.worst),
        )
        if value is not None
    )
    return written


def _item_json(
    claim_set: ClaimSet, statements: Sequence[Statement]
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    if not statements:
        return item
    authors = [
        _party_json(claim_set.source(source))
        for source in dict.fromkeys(s.source for s in statements)
    ]
    item["author"] = authors[0] if len(authors) == 1 else authors
    first = statements[0]
    # A statement known only from its document was made when that was
    # published.
    date = claim_set.date_of(first)
    if date is not None:
        item["datePublished"] = date.isoformat()
    if first.document is not None:
        item["firstAppearance"] = _work_json(
            claim_set.document(first.document)
        )
    documents = dict.fromkeys(
        s.document for s in statements if s.document is not None
    )
    if documents:
        # Every appearance, the first included: schema.org's
        # firstAppearance is one of the claim's appearances.
        item["appearance"] = [
            _work_json(claim_set.document(document)) for document in documents
        ]
    return item


def _review_json(claim_set: ClaimSet, review: Review) -> dict[str, Any]:
    written: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
    }
    if review.url is not None:
        written["url"] = review.url
    written["claimReviewed"] = claim_set.claim(review.claim).text
    if review.date is not None:
        written["datePublished"] = review.date.isoformat()
    if review.title is not None:
        written["name"] = review.title
    if review.summary is not None:
        written["description"] = review.summary
    written["author"] = _party_json(claim_set.source(review.reviewer))
    written["reviewRating"] = _rating_json(review.rating)
    written["itemReviewed"] = _item_json(
        claim_set, [claim_set.statement(s) for s in review.reviewed]
    )
    return written


def _datafeed(exported: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The ClaimReview objects as a schema.org DataFeed, one item each."""
    elements = []
    for written in exported:
        element: dict[str, Any] = {"@type": "DataFeedItem"}
        if "url" in written:
            element["url"] = written["url"]
        element["item"] = [written]
        elements.append(element)
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": elements,
    }


@overload
def export_claimreviews(
    claim_set: ClaimSet,
    *,
    strict: bool = ...,
    form: Literal["list"] = ...,
) -> ExportResult: ...


@overload
def export_claimreviews(
    claim_set: ClaimSet,
    *,
    strict: bool = ...,
    form: Literal["datafeed"],
) -> DataFeedResult: ...


def export_claimreviews(
    claim_set: ClaimSet,
    *,
    strict: bool = True,
    form: Literal["list", "datafeed"] = "list",
) -> ExportResult | DataFeedResult:
    """
    The set's reviews as schema.org ClaimReview JSON-LD, one object each.

    Each object has what Google's Fact Check markup requires
    (``claimReviewed``, ``url``, ``author`` with its ``name``, and
    ``reviewRating`` with its ``alternateName``) and what it recommends
    wherever the review has it: ``datePublished``, the rating's ``name``,
    ``ratingValue``, ``bestRating`` and ``worstRating``, and
    ``itemReviewed``, a ``Claim`` with its ``author``, ``datePublished``,
    ``firstAppearance`` and ``appearance``. Every ``author`` (the
    reviewer's and the claim's) carries its source's identifiers as
    ``sameAs``.

    The claim's authors, date and appearances come from the review's
    *reviewed* statements: every source that made one is an ``author``;
    the first statement's date (its own, else its document's, as
    `ClaimSet.date_of` says) is the claim's ``datePublished`` and its
    document the ``firstAppearance``; every statement's document, the
    first included, is an ``appearance``.

    Google refuses markup without a required property. A review without
    a URL, or a rating with a number and no label, would be written
    without one: by default nothing is exported then, and
    `ClaimReviewExportError` lists every such property of every review.
    With ``strict=False`` the reviews are written all the same and the
    result's *problems* list what they lack.

    What Google advises against (a ``claimReviewed``, or a rating label,
    longer than `ADVISED_CLAIM_LENGTH` characters) is written with a
    `ClaimReviewWarning` (see the `warnings` module) naming the review.
    `check_claimreviews` applies the same rules, and Google's
    recommendations, to what this writes.

    ClaimReview has no place for what claimtrack adds (the normalised
    verdict, evidence, corroboration): keep the claimtrack JSON for that.
    Importing what this writes, in either form, records the same reviews
    again.

    Args:
        claim_set: The set whose reviews to write; it is not changed.
        strict: True (the default) to refuse reviews that lack a property
            Google requires; False to write them and list the problems.
        form: ``"list"`` (the default) for a JSON list of ClaimReview
            objects, as pages embed them; ``"datafeed"`` for one
            schema.org ``DataFeed`` whose ``dataFeedElement`` holds a
            ``DataFeedItem`` per review, its ``item`` the ClaimReview
            (the shape of the Data Commons fact-check feed).

    Returns:
        For ``form="list"`` an `ExportResult`: the objects, in review id
        order, ready for `json.dumps`, with the *problems* found. For
        ``form="datafeed"`` a `DataFeedResult`: the feed, with the
        *problems* found.

    Raises:
        ClaimReviewExportError: If *strict* and a review lacks a property
            Google requires; nothing is exported.
        InvalidValueError: If *strict* is not a bool, or *form* is not
            ``"list"`` or ``"datafeed"``.
    """
    if not isinstance(strict, bool):
        raise InvalidValueError("strict", strict, "expected True or False")
    if form not in ("list", "datafeed"):
        raise InvalidValueError("form", form, "expected 'list' or 'datafeed'")
    reviews = sorted(claim_set.reviews, key=lambda r: r.id)
    exported = [_review_json(claim_set, review) for review in reviews]
    problems = []
    advice = []
    for index, (review, written) in enumerate(
        zip(reviews, exported, strict=True)
    ):
        for issue in check_markup(written, f"$[{index}]"):
            if issue.severity is Severity.REQUIRED:
                why = issue.message.removeprefix("is missing; ")
                reason = f"{why}: {EXPORT_HINTS[issue.property]}"
                problems.append(
                    ClaimReviewProblem(
                        review.id, index, issue.property, reason
                    )
                )
            elif issue.severity is Severity.ADVICE:
                advice.append(
                    f"review {review.id!r}: {issue.property} {issue.message}"
                )
    if problems and strict:
        raise ClaimReviewExportError(
            problems, url=reviews[problems[0].position].url
        )
    for message in advice:
        warnings.warn(message, ClaimReviewWarning, stacklevel=2)
    if form == "datafeed":
        return DataFeedResult(_datafeed(exported), problems)
    return ExportResult(exported, problems)
