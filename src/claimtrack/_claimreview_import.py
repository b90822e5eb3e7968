# SPDX-License-Identifier: MIT
"""Making claimtrack records from the ClaimReview found, one review at a time."""

from __future__ import annotations

import hashlib

from collections.abc import Mapping
from typing import Any

from claimtrack._claimreview_reading import (
    Found,
    Party,
    Work,
)
from claimtrack._claimreview_values import repair_offset
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
    ClaimtrackError,
    InvalidValueError,
)


__all__ = ["UNREADABLE", "Importer", "SkipError", "reason_of"]


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


class SkipError(Exception):
    """A review that cannot be imported (raised inside the importer)."""


class Importer:
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
            raise SkipError(
                f"id {record.id!r} is already used by a "
                f"{KIND_NAMES[type(existing)]}"
            )
        if isinstance(record, Review) and existing != record:
            changed = ", ".join(sorted(differences(existing, record)))
            raise SkipError(
                f"review {record.id!r} is already recorded with other "
                f"values ({changed}); it was changed since it was imported"
            )
        if _identity(existing) != _identity(record):
            # The id was made from this identity: the record under it is
            # another one that happens to use the id.
            raise SkipError(
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
            raise SkipError(
                "no claim text (claimReviewed is missing or empty)"
            )
        if found.label is None and found.value is None:
            raise SkipError(
                "no rating (reviewRating has neither a label, alternateName, "
                "nor a numeric ratingValue)"
            )
        if found.reviewer is None:
            raise SkipError("no reviewer (no author, publisher or url)")
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


UNREADABLE = (ValueError, TypeError, OverflowError, AssertionError)
"""
What reading or building one review may raise on data nobody foresaw.

Each stops that review alone: the feed goes on (``errors="collect"``),
or stops with a `ClaimReviewError` naming the review (``"raise"``).
Claimtrack's own errors (an invalid value) are `ValueError` too.
"""


def reason_of(error: Exception) -> str:
    if isinstance(error, (SkipError, ClaimtrackError)):
        return str(error)
    return f"cannot be read ({type(error).__name__}: {error})"
