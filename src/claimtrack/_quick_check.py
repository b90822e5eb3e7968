# SPDX-License-Identifier: MIT
"""The quick test most new records pass: surely valid, no batch needed."""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable

from claimtrack._claims import Claim
from claimtrack._dates import PartialDate, Precision, is_later
from claimtrack._documents import Document
from claimtrack._records import Record
from claimtrack._sources import Source
from claimtrack._statements import Stance, Statement


__all__ = [
    "effective_date",
    "later",
    "parents_sound",
    "plain_statement",
    "surely_valid",
]


def effective_date(
    statement: Statement, resolve: Callable[[str], Record | None]
) -> PartialDate | None:
    """
    When *statement* counts as said: its own date, else its document's.

    *resolve* finds a record by id; an unknown document gives None.
    """
    if statement.date is not None or statement.document is None:
        return statement.date
    document = resolve(statement.document)
    return document.date if isinstance(document, Document) else None


def surely_valid(
    record: Record, resolve: Callable[[str], Record | None]
) -> bool:
    """
    Whether a new *record* surely passes every check of a `Batch`.

    A quick test for the common case: a source or a claim; a document
    whose sources and cited documents are there, none published after
    it; a statement (not a retraction) whose claim, source, document and
    parents are there, no parent a retraction or dated after it (dates
    are effective dates: a statement's own, else its document's). *resolve* finds a record by id
    among those there. False means "let a `Batch` decide", not "invalid":
    links, reviews and retractions always go to a `Batch`, and so does
    every problem, which the `Batch` reports in full. The caller has
    checked that the id is new.
    """
    kind = type(record)
    if kind is Statement:
        assert isinstance(record, Statement)  # for the type checker
        return record.target is None and plain_statement(record, resolve)
    if kind is Source or kind is Claim:
        return True
    if kind is Document:
        assert isinstance(record, Document)
        return (
            (
                record.publisher is None
                or type(resolve(record.publisher)) is Source
            )
            and _all_of(record.authors, Source, resolve)
            and _all_of(record.cites, Document, resolve)
            and not any(
                _cites_later(record, cited, resolve) for cited in record.cites
            )
        )
    return False


def plain_statement(
    statement: Statement, resolve: Callable[[str], Record | None]
) -> bool:
    """
    Whether a statement's references and parents' dates are surely sound.

    Its claim, source and document (if any) must be recorded, of those
    kinds, and its parents as `parents_sound` asks. A retraction's target
    is not looked at: `surely_valid` leaves retractions to a `Batch`.
    """
    document = statement.document
    if (
        type(resolve(statement.claim)) is not Claim
        or type(resolve(statement.source)) is not Source
        or (document is not None and type(resolve(document)) is not Document)
    ):
        return False
    parents = statement.derives_from
    return not parents or parents_sound(
        parents, effective_date(statement, resolve), resolve
    )


def parents_sound(
    parents: tuple[str, ...],
    date: PartialDate | None,
    resolve: Callable[[str], Record | None],
) -> bool:
    """
    Whether a statement said at *date* surely may derive from *parents*.

    Each parent must be a recorded statement, no retraction, and not said
    after *date* (by its effective date).
    """
    for parent_id in parents:
        parent = resolve(parent_id)
        if (
            type(parent) is not Statement
            or parent.stance is Stance.RETRACTS
            or later(effective_date(parent, resolve), date)
        ):
            return False
    return True


def later(a: PartialDate | None, b: PartialDate | None) -> bool:
    """
    `is_later`, answered at once for two calendar dates of one precision.

    Unknown parts of a date are 1, so two dates of one precision, short
    of a time, are ordered as their values are.
    """
    if a is None or b is None:
        return False
    if (
        a.precision is b.precision
        and a.precision is not Precision.TIME
        and type(a.value) is dt.date
        and type(b.value) is dt.date
    ):
        return a.value > b.value
    return is_later(a, b)


def _cites_later(
    document: Document,
    cited_id: str,
    resolve: Callable[[str], Record | None],
) -> bool:
    cited = resolve(cited_id)
    return isinstance(cited, Document) and later(cited.date, document.date)


def _all_of(
    ids: tuple[str, ...],
    kind: type[Record],
    resolve: Callable[[str], Record | None],
) -> bool:
    return all(type(resolve(id)) is kind for id in ids)
