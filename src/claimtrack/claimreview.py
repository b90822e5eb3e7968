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

import hashlib

from collections.abc import Mapping
from typing import Any, Literal, TypeVar

import attrs

from claimtrack._claimreview_reading import (
    Found,
    Party,
    Work,
    read_node,
    review_nodes,
)
from claimtrack._claimreview_rules import (
    ADVISED_CLAIM_LENGTH,
    ClaimReviewIssue,
    Severity,
    check_claimreviews,
)
from claimtrack._claimreview_values import repair_offset
from claimtrack._claimreview_writing import (
    DataFeedResult,
    ExportResult,
    export_claimreviews,
)
from claimtrack._claims import Claim
from claimtrack._claimset import ClaimSet
from claimtrack._dates import PartialDate
from claimtrack._documents import Document
from claimtrack._records import KIND_NAMES, Record, differences
from claimtrack._reviews import Rating, Review
from claimtrack._sources import Source, identifier_key
from claimtrack._statements import statement_with_content_id
from claimtrack._text import fold
from claimtrack._text import slug as text_slug
from claimtrack._verdicts import Verdict, verdict_of
from claimtrack.exceptions import (
    ClaimReviewError,
    ClaimtrackError,
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


# -- making records ------------------------------------------------------


def _digest(*parts: str) -> str:
    # A lone surrogate is hashed here, and refused when its record is made.
    joined = "\x1f".join(parts).encode(errors="surrogatepass")
    return hashlib.sha256(joined).hexdigest()[:16]


def _source_id(name: str) -> str:
    """The id an imported source of this name gets: a slug and a hash."""
    slug = text_slug(name)
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
        # Sources of the set and of the review being built, by folded
        # name or alias: every look-up is one dict access.
        self.recorded_names: dict[str, list[str]] | None = None
        self.new_names: dict[str, list[str]] = {}

    def _recorded_names(self) -> dict[str, list[str]]:
        if self.recorded_names is None:
            self.recorded_names = {}
            for source in self.claim_set.sources:
                for name in dict.fromkeys(fold(n) for n in source.names):
                    self.recorded_names.setdefault(name, []).append(source.id)
        return self.recorded_names

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
        self.notes.extend(party.notes)
        id = self._source_for(party, new)
        record = new.get(id) or self._existing(id)
        assert isinstance(record, Source)
        # A source already recorded is used as it is; identifiers the data
        # adds are named, not recorded (a record never changes).
        held = {identifier_key(i) for i in record.identifiers}
        self.notes.extend(
            f"{party.path}.sameAs: {identifier!r} not added to source "
            f"{id!r}, recorded before without it"
            for identifier in party.identifiers
            if identifier_key(identifier) not in held
        )
        return id

    def _source_for(self, party: Party, new: dict[str, Record]) -> str:
        id = _source_id(party.name)
        if self._existing(id) is None and id not in new:
            # A source recorded under the same name (or alias) is the same
            # source, when the name is not ambiguous.
            # Only a whole name or alias counts: find_sources also finds
            # names that merely contain this one ("AFP" in "AFP India").
            key = fold(party.name)
            matches: list[str] = list(
                dict.fromkeys(
                    (
                        *self._recorded_names().get(key, ()),
                        *self.names.get(key, ()),
                        *self.new_names.get(key, ()),
                    )
                )
            )
            if len(matches) == 1:
                return matches[0]
        source = Source(
            id=id,
            name=party.name,
            aliases=party.aliases,
            kind="person" if party.person else None,
            identifiers=party.identifiers,
        )
        if source.id not in new and self._existing(source.id) is None:
            for name in dict.fromkeys(fold(n) for n in source.names):
                self.new_names.setdefault(name, []).append(source.id)
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
        self.new_names = {}
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
            statement_with_content_id(
                claim=claim, source=claimant, date=claim_date, document=first
            )
            for claimant in dict.fromkeys(claimants)
        ]
        if claimants:
            statements.extend(
                statement_with_content_id(
                    claim=claim, source=claimants[0], document=document
                )
                for document in dict.fromkeys(appearances)
                if document != first
            )
        reviewed = [self._reuse(statement, new).id for statement in statements]
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


_UNREADABLE = (ValueError, TypeError, OverflowError, AssertionError)
"""
What reading or building one review may raise on data nobody foresaw.

Each stops that review alone: the feed goes on (``errors="collect"``),
or stops with a `ClaimReviewError` naming the review (``"raise"``).
Claimtrack's own errors (an invalid value) are `ValueError` too.
"""


def _reason(error: Exception) -> str:
    if isinstance(error, (_SkipError, ClaimtrackError)):
        return str(error)
    return f"cannot be read ({type(error).__name__}: {error})"


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
    importer = _Importer(claim_set, labels)
    reviews: dict[str, Review] = {}
    skipped: list[Skipped] = []
    count = 0
    for path, node, kind in review_nodes(data):
        count += 1
        try:
            founds = read_node(path, node, kind, base_url)
        except _UNREADABLE as e:
            if errors == "raise":
                raise ClaimReviewError(path, _reason(e)) from None
            skipped.append(Skipped(path, None, _reason(e), node))
            continue
        for found in founds:
            noted = len(importer.notes)
            try:
                review = importer.build(found)
            except (_SkipError, *_UNREADABLE) as e:
                del importer.notes[noted:]
                if errors == "raise":
                    raise ClaimReviewError(
                        found.path, _reason(e), url=found.url
                    ) from None
                skipped.append(
                    Skipped(found.path, found.url, _reason(e), found.data)
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
