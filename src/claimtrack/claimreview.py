# SPDX-License-Identifier: MIT
"""
schema.org ClaimReview in and out: the markup fact-checkers publish.

`import_claimreviews` reads parsed ClaimReview JSON, as found in
fact-checkers' pages, the Google Fact Check Tools API, the Data Commons
feed or ClaimsKG, into a `ClaimSet`; `export_claimreviews` writes a claim
set's reviews back as ClaimReview JSON-LD.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar

import attrs

from claimtrack._claimreview_reading import (
    Found,
    Party,
    Work,
    find_reviews,
    repair_offset,
)
from claimtrack._claims import Claim
from claimtrack._claimset import ClaimSet, _statement_id
from claimtrack._dates import PartialDate
from claimtrack._documents import Document
from claimtrack._ratings import Verdict, verdict_of
from claimtrack._records import KIND_NAMES, Record, differences, fold
from claimtrack._reviews import Rating, Review
from claimtrack._sources import Source
from claimtrack._statements import Statement
from claimtrack.exceptions import (
    ClaimReviewError,
    ClaimReviewExportError,
    ClaimReviewProblem,
    ClaimReviewWarning,
    InvalidValueError,
)


__all__ = [
    "ADVISED_CLAIM_LENGTH",
    "ExportResult",
    "ImportResult",
    "Skipped",
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


# -- making records ------------------------------------------------------


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _slug(name: str) -> str:
    ascii_only = (
        unicodedata.normalize("NFKD", name)
        .encode("ascii", "ignore")
        .decode()
        .casefold()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:32].strip("-")


def _source_id(name: str) -> str:
    """The id an imported source of this name gets: a slug and a hash."""
    slug = _slug(name)
    digest = _digest(fold(name))[:8]
    return f"src-{slug}-{digest}" if slug else f"src-{digest}"


def _identity(record: Record) -> object:
    """What an imported record's id is made from; the rest may differ."""
    if isinstance(record, Source):
        return fold(record.name)
    if isinstance(record, Claim):
        return fold(record.text)
    if isinstance(record, Document):
        return record.url
    return record


class _SkipError(Exception):
    """A review that cannot be imported (raised inside the importer)."""


class _Importer:
    """Turns found reviews into records, reusing what is already there."""

    def __init__(
        self, claim_set: ClaimSet, labels: Mapping[str, Verdict | str] | None
    ) -> None:
        self.claim_set = claim_set
        self.labels = labels
        self.pending: dict[str, Record] = {}
        self.names: dict[str, list[str]] = {}
        self.notes: list[str] = []

    def _existing(self, id: str) -> Record | None:
        return self.pending.get(id) or self.claim_set.get(id)

    def _reuse(self, record: Record, new: dict[str, Record]) -> Record:
        """The record already held under *record*'s id, or *record*."""
        existing = new.get(record.id) or self._existing(record.id)
        if existing is None:
            new[record.id] = record
            return record
        if type(existing) is not type(record):
            raise _SkipError(
                f"id {record.id!r} is already used by a "
                f"{KIND_NAMES[type(existing)]}"
            )
        if isinstance(record, Review) and existing != record:
            changed = ", ".join(sorted(differences(existing, record)))
            raise _SkipError(
                f"review {record.id!r} is already recorded with other "
                f"values ({changed}); it was changed since it was imported"
            )
        if _identity(existing) != _identity(record):
            # The id was made from this identity: the record under it is
            # another one that happens to use the id.
            raise _SkipError(
                f"id {record.id!r} is already used by another "
                f"{KIND_NAMES[type(existing)]}"
            )
        return existing

    def _source(self, party: Party, new: dict[str, Record]) -> str:
        id = _source_id(party.name)
        if self._existing(id) is None and id not in new:
            # A source recorded under the same name (or alias) is the same
            # source, when the name is not ambiguous.
            # Only a whole name or alias counts: find_sources also finds
            # names that merely contain this one ("AFP" in "AFP India").
            key = fold(party.name)
            found = [
                s.id
                for s in self.claim_set.find_sources(party.name)
                if key in (fold(name) for name in s.names)
            ]
            found.extend(self.names.get(key, ()))
            found.extend(
                record.id
                for record in new.values()
                if isinstance(record, Source)
                and key in (fold(name) for name in record.names)
            )
            matches = list(dict.fromkeys(found))
            if len(matches) == 1:
                return matches[0]
        source = Source(
            id=id,
            name=party.name,
            aliases=party.aliases,
            kind="person" if party.person else None,
        )
        return self._reuse(source, new).id

    def _document(self, work: Work, path: str, new: dict[str, Record]) -> str:
        document = Document(
            id=f"doc-{_digest(work.url)}",
            url=work.url,
            date=self._date(work.date, f"{path}.datePublished"),
            title=work.title,
        )
        return self._reuse(document, new).id

    def _date(self, raw: Any, path: str) -> PartialDate | None:
        if raw is None or raw == "":
            return None
        text = raw.strip() if isinstance(raw, str) else raw
        if isinstance(text, str) and text:
            # A malformed but unambiguous UTC offset ("+5:30") is read as
            # what it can only mean ("+05:30").
            for candidate in (text, repair_offset(text)):
                if candidate is None:
                    continue
                try:
                    return PartialDate.parse(candidate)
                except InvalidValueError:
                    pass
        self.notes.append(f"{path}: {raw!r} is not an ISO 8601 date; left out")
        return None

    def build(self, found: Found) -> Review:
        """Make the records of one review; only commit them if all is well."""
        if found.claim is None:
            raise _SkipError(
                "no claim text (claimReviewed is missing or empty)"
            )
        if found.label is None and found.value is None:
            raise _SkipError(
                "no rating (reviewRating has neither a label, alternateName, "
                "nor a numeric ratingValue)"
            )
        if found.reviewer is None:
            raise _SkipError("no reviewer (no author, publisher or url)")
        new: dict[str, Record] = {}
        claim = self._reuse(
            Claim(id=f"claim-{_digest(fold(found.claim))}", text=found.claim),
            new,
        ).id
        reviewer = self._source(found.reviewer, new)
        claimants = [self._source(p, new) for p in found.claimants]
        first = (
            None
            if found.first is None
            else self._document(
                found.first, f"{found.path}.firstAppearance", new
            )
        )
        appearances = [
            self._document(work, f"{found.path}.appearance", new)
            for work in found.appearances
        ]
        claim_date = self._date(
            found.claim_date, f"{found.path}.itemReviewed.datePublished"
        )
        statements = [
            Statement(
                id="pending",
                claim=claim,
                source=claimant,
                date=claim_date,
                document=first,
            )
            for claimant in dict.fromkeys(claimants)
        ]
        if claimants:
            statements.extend(
                Statement(
                    id="pending",
                    claim=claim,
                    source=claimants[0],
                    document=document,
                )
                for document in dict.fromkeys(appearances)
                if document != first
            )
        reviewed = [
            self._reuse(
                attrs.evolve(statement, id=_statement_id(statement)), new
            ).id
            for statement in statements
        ]
        rating = Rating(
            label=found.label,
            value=found.value,
            best=found.best,
            worst=found.worst,
            verdict=verdict_of(
                found.label,
                value=found.value,
                best=found.best,
                worst=found.worst,
                labels=self.labels,
            ),
        )
        date = self._date(found.date, f"{found.path}.datePublished")
        if found.url is not None:
            key = _digest(found.url, fold(found.claim))
        else:
            key = _digest(
                fold(found.claim), reviewer, rating.describe(), str(date)
            )
        review = Review(
            id=f"review-{key}",
            claim=claim,
            reviewer=reviewer,
            rating=rating,
            date=date,
            url=found.url,
            title=found.title,
            summary=found.summary,
            reviewed=list(dict.fromkeys(reviewed)),
        )
        result = self._reuse(review, new)
        assert isinstance(result, Review)
        self.pending.update(new)
        for record in new.values():
            if isinstance(record, Source):
                for name in record.names:
                    self.names.setdefault(fold(name), []).append(record.id)
        if found.reviewer_note:
            self.notes.append(found.reviewer_note)
        return result


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
            them in the result's *skipped*.
        base_url: What relative review URLs are resolved against.
        labels: Extra rating labels and their verdicts for this import
            (see `verdict_of`).

    Returns:
        An `ImportResult`.

    Raises:
        ClaimReviewError: If a review has no claim text, no rating (a
            label or a numeric value) or no reviewer, or clashes with a
            different record already in the set, naming it by its JSON
            path and URL; or if *data* holds no review at all.
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
    importer = _Importer(claim_set, labels)
    reviews: dict[str, Review] = {}
    skipped: list[Skipped] = []
    count = 0
    for found in find_reviews(data, base_url):
        count += 1
        noted = len(importer.notes)
        try:
            review = importer.build(found)
        except _SkipError as e:
            del importer.notes[noted:]
            if errors == "raise":
                raise ClaimReviewError(
                    found.path, str(e), url=found.url
                ) from None
            skipped.append(Skipped(found.path, found.url, str(e), found.data))
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


# -- writing -----------------------------------------------------------------


ADVISED_CLAIM_LENGTH = 75
"""
The most characters Google advises for ``claimReviewed``.

Longer claims wrap on phones; `export_claimreviews` warns about them
with a `ClaimReviewWarning`, and writes them all the same.
"""

_REQUIRED: tuple[tuple[str, str], ...] = (
    ("claimReviewed", "the text of the claim"),
    (
        "url",
        (
            "Google requires the address of the page that publishes the "
            "fact-check: give the review a url"
        ),
    ),
    (
        "author.name",
        (
            "Google requires the name of the organisation that published "
            "the fact-check: give the reviewer a name"
        ),
    ),
    (
        "reviewRating.alternateName",
        (
            "Google requires the rating as readers see it, such as "
            "'False': give the rating a label"
        ),
    ),
)
"""What Google requires of ClaimReview markup, with how to supply it."""


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


def _party_json(source: Source) -> dict[str, Any]:
    party: dict[str, Any] = {
        "@type": "Person" if source.kind == "person" else "Organization",
        "name": source.name,
    }
    if source.aliases:
        party["alternateName"] = list(source.aliases)
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


def _missing(
    written: Mapping[str, Any], review: str, index: int
) -> Iterator[ClaimReviewProblem]:
    """The properties Google requires that *written* lacks."""
    for dotted, reason in _REQUIRED:
        value: Any = written
        for key in dotted.split("."):
            value = value.get(key) if isinstance(value, Mapping) else None
        if value in (None, "", [], {}):
            yield ClaimReviewProblem(review, index, dotted, reason)


def export_claimreviews(
    claim_set: ClaimSet, *, strict: bool = True
) -> ExportResult:
    """
    The set's reviews as schema.org ClaimReview JSON-LD, one object each.

    Each object has what Google's Fact Check markup requires
    (``claimReviewed``, ``url``, ``author`` with its ``name``, and
    ``reviewRating`` with its ``alternateName``) and what it recommends
    wherever the review has it: ``datePublished``, the rating's ``name``,
    ``ratingValue``, ``bestRating`` and ``worstRating``, and
    ``itemReviewed``, a ``Claim`` with its ``author``, ``datePublished``,
    ``firstAppearance`` and ``appearance``.

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

    A ``claimReviewed`` longer than `ADVISED_CLAIM_LENGTH` (75)
    characters, which Google advises against, is written with a
    `ClaimReviewWarning` (see the `warnings` module) naming the review.

    ClaimReview has no place for what claimtrack adds (the normalised
    verdict, evidence, corroboration): keep the claimtrack JSON for that.
    Importing what this writes records the same reviews again.

    Args:
        claim_set: The set whose reviews to write; it is not changed.
        strict: True (the default) to refuse reviews that lack a property
            Google requires; False to write them and list the problems.

    Returns:
        An `ExportResult`: the objects, in review id order, ready for
        `json.dumps`, with the *problems* found.

    Raises:
        ClaimReviewExportError: If *strict* and a review lacks a property
            Google requires; nothing is exported.
        InvalidValueError: If *strict* is not a bool.
    """
    if not isinstance(strict, bool):
        raise InvalidValueError("strict", strict, "expected True or False")
    reviews = sorted(claim_set.reviews, key=lambda r: r.id)
    exported = [_review_json(claim_set, review) for review in reviews]
    problems = [
        problem
        for index, (review, written) in enumerate(
            zip(reviews, exported, strict=True)
        )
        for problem in _missing(written, review.id, index)
    ]
    if problems and strict:
        raise ClaimReviewExportError(
            problems, url=reviews[problems[0].position].url
        )
    for review, written in zip(reviews, exported, strict=True):
        length = len(written["claimReviewed"])
        if length > ADVISED_CLAIM_LENGTH:
            warnings.warn(
                f"review {review.id!r}: claimReviewed has {length} "
                f"characters; Google advises at most {ADVISED_CLAIM_LENGTH} "
                "(longer claims wrap on phones)",
                ClaimReviewWarning,
                stacklevel=2,
            )
    return ExportResult(exported, problems)
