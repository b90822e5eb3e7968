# SPDX-License-Identifier: MIT
"""Suspicions found in text: reused passages, shared quotes, wire credits."""

from __future__ import annotations

import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimtrack._documents import Document
from claimtrack._links import Relation
from claimtrack._statements import Stance, Statement
from claimtrack._suspicions import (
    THRESHOLDS,
    Suspicion,
    SuspicionKind,
    clipped,
    iso_date,
    order_of,
    sort_date,
)
from claimtrack._text import fold
from claimtrack._textreuse import SHINGLE, TextIndex, words_of


if TYPE_CHECKING:
    from claimtrack._views import ClaimSetView


__all__ = [
    "reused_text",
    "shared_quotes",
    "wire_credits",
]


# -- reused text ----------------------------------------------------------


def reused_text(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    documents = [d for d in claim_set.documents if d.text is not None]
    if len(documents) < 2:
        return
    index = TextIndex(
        order=lambda number: (
            sort_date(documents[number].date),
            documents[number].id,
        )
    )
    index.extend(_indexed(documents))
    threshold = THRESHOLDS[SuspicionKind.REUSED_TEXT]
    for i, j in index.pairs():
        a, b = documents[i], documents[j]
        (first, second), ordered = order_of(a.id, a.date, b.id, b.date)
        later, earlier = (j, i) if second == b.id else (i, j)
        if not ordered and index.fingerprints(i) < index.fingerprints(j):
            # Undated: the shorter text is the likelier copy.
            later, earlier = i, j
        shared, share = index.overlap(later, earlier)
        if shared < 2:
            continue
        estimate = _text_score(share, shared * 4 + SHINGLE - 1)
        if estimate < threshold / 2:
            continue
        passage = index.passage(later, earlier)
        if passage is None:
            continue
        score = _text_score(share, passage.words)
        later_id, earlier_id = documents[later].id, documents[earlier].id
        when = _when(documents[earlier], documents[later], ordered)
        evidence = (
            f"{later_id}'s text repeats {share:.0%} of {earlier_id}'s"
            f"{when}; the longest shared passage is {passage.words} words "
            f"(from word {passage.later_start} of {later_id}, word "
            f"{passage.earlier_start} of {earlier_id}): "
            f'"{clipped(passage.text)}"'
        )
        records = (earlier_id, later_id) if ordered else (first, second)
        yield Suspicion(
            SuspicionKind.REUSED_TEXT,
            records,
            ordered,
            score,
            threshold,
            evidence,
            {
                "share": round(share, 4),
                "copy": later_id,
                "original": earlier_id,
                "dates": {
                    later_id: iso_date(documents[later].date),
                    earlier_id: iso_date(documents[earlier].date),
                },
                "passage": {
                    "words": passage.words,
                    "copy_start": passage.later_start,
                    "original_start": passage.earlier_start,
                    "text": passage.text,
                },
            },
        )


def _indexed(
    documents: list[Document],
) -> Iterable[tuple[str, str | None]]:
    """Each document's text and publisher for the text index."""
    for document in documents:
        assert document.text is not None
        yield document.text, document.publisher


_QUOTE_LENGTH = 25
"""Words a quotation of one official may run to without counting as reuse."""


def _text_score(share: float, run: int) -> float:
    """
    Share of the later text found, raised by a long shared run.

    A run up to the length of a long quotation adds nothing; from there
    it raises the score, to 1 at 100 words.
    """
    longer = max(0, run - _QUOTE_LENGTH) / (100 - _QUOTE_LENGTH)
    return 1 - (1 - share) * (1 - min(1.0, longer))


def _when(earlier: Document, later: Document, ordered: bool) -> str:
    if ordered:
        return f", published earlier ({earlier.date} before {later.date})"
    return ""


# -- shared quotes --------------------------------------------------------

_MIN_QUOTE_WORDS = 6


def shared_quotes(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    by_quote: dict[str, list[Statement]] = {}
    for statement in claim_set.statements:
        if statement.quote is None:
            continue
        words = words_of(statement.quote)
        if len(words) >= _MIN_QUOTE_WORDS:
            by_quote.setdefault(" ".join(words), []).append(statement)
    threshold = THRESHOLDS[SuspicionKind.SHARED_QUOTE]
    for quote, statements in by_quote.items():
        if len(statements) < 2:
            continue
        statements.sort(key=lambda s: (sort_date(claim_set.date_of(s)), s.id))
        first = statements[0]
        score = min(1.0, len(quote.split()) / 20)
        above = _ancestors(claim_set, first)
        reaches: dict[str, bool] = {first.id: True}
        # Each later carrier is paired with the earliest appearance.
        for other in statements[1:]:
            if (
                claim_set.canonical_source(other.source)
                == claim_set.canonical_source(first.source)
                or other.id in above
                or _reaches(claim_set, other, reaches)
            ):
                continue
            (earlier, later), ordered = order_of(
                first.id,
                claim_set.date_of(first),
                other.id,
                claim_set.date_of(other),
            )
            yield Suspicion(
                SuspicionKind.SHARED_QUOTE,
                (earlier, later),
                ordered,
                score,
                threshold,
                f"{first.id} by {first.source} and {other.id} by "
                f"{other.source} carry the same quote, first seen in "
                f'{first.id}: "{clipped(quote)}"',
                {
                    "quote": quote,
                    "first": first.id,
                    "dates": {
                        first.id: iso_date(claim_set.date_of(first)),
                        other.id: iso_date(claim_set.date_of(other)),
                    },
                },
            )


def _ancestors(claim_set: ClaimSetView, start: Statement) -> set[str]:
    """Every statement *start*'s declared chain reaches."""
    seen: set[str] = set()
    stack = list(start.derives_from)
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(claim_set.statement(current).derives_from)
    return seen


def _reaches(
    claim_set: ClaimSetView, start: Statement, known: dict[str, bool]
) -> bool:
    """
    Whether *start*'s declared chain reaches a statement known to be True.

    *known* is shared across one quote's carriers, so each statement of
    their chains is settled once.
    """
    stack: list[tuple[str, bool]] = [(start.id, False)]
    while stack:
        current, expanded = stack.pop()
        if current in known:
            continue
        parents = claim_set.statement(current).derives_from
        if not expanded:
            stack.append((current, True))
            stack.extend((p, False) for p in parents if p not in known)
            continue
        known[current] = any(known.get(p, False) for p in parents)
    return known[start.id]


# -- wire credits ---------------------------------------------------------

_WIRES = (
    "AP|Associated Press|AFP|Agence France-Presse|Reuters|PTI|UPI|Xinhua"
    "|IANS|ANI|dpa|EFE|ANSA|Bernama|Kyodo|Yonhap|TASS|Anadolu"
)
_CREDITS = (
    # A dateline: "GAO, Mali (AP) - ...", "(Reuters) -".
    (re.compile(rf"\((?P<name>{_WIRES})\)\s*[-\u2013\u2014]"), 0.9, "("),
    # A closing credit: "... - Reuters", "-- AFP".
    (
        re.compile(rf"[-\u2013\u2014]{{1,2}}\s*(?P<name>{_WIRES})\s*\.?\s*$"),
        0.85,
        "-\u2013\u2014",
    ),
    # A byline: "By The Associated Press".
    (
        re.compile(
            r"^\s*By\s+(?:the\s+)?(?P<name>Associated Press|Reuters|"
            r"Agence France-Presse|AFP)\b",
            re.IGNORECASE | re.MULTILINE,
        ),
        0.85,
        "yY",
    ),
    # "Source: Ministry of Defence", "Courtesy: NASA".
    (
        re.compile(
            r"^\s*(?:Source|Courtesy|Credit)\s*:\s*(?P<name>[^\n]{2,80}?)"
            r"\s*$",
            re.IGNORECASE | re.MULTILINE,
        ),
        0.7,
        ":",
    ),
)


def wire_credits(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    threshold = THRESHOLDS[SuspicionKind.WIRE_CREDIT]
    for document in claim_set.documents:
        if document.text is None:
            continue
        statements = [
            s
            for s in claim_set.statements_in(document.id)
            if s.stance is not Stance.RETRACTS
        ]
        if any(s.derives_from for s in statements):
            continue
        credit = _credit(document.text)
        if credit is None:
            continue
        name, line, score = credit
        speakers = {claim_set.canonical_source(s.source) for s in statements}
        found = [
            source
            for source in claim_set.find_sources(name)
            if claim_set.canonical_source(source.id) not in speakers
            and fold(name) in {fold(n) for n in source.names}
        ]
        if found and _tied_already(claim_set, document, speakers, found[0].id):
            continue
        if found:
            source = found[0]
            evidence = (
                f'{document.id} credits {name!r} ("{clipped(line, 80)}") '
                f"while its statements declare no derivation; recorded "
                f"source: {source.id}"
            )
            records: tuple[str, ...] = (document.id, source.id)
        else:
            evidence = (
                f'{document.id} credits {name!r} ("{clipped(line, 80)}") '
                "while its statements declare no derivation; no source of "
                "that name is recorded"
            )
            records = (document.id,)
        yield Suspicion(
            SuspicionKind.WIRE_CREDIT,
            records,
            False,
            score,
            threshold,
            evidence,
            {
                "credit": name,
                "line": line,
                "source": found[0].id if found else None,
            },
        )


def _tied_already(
    claim_set: ClaimSetView, document: Document, speakers: set[str], wire: str
) -> bool:
    """Whether every speaker already copies *wire* on the document's date."""
    target = claim_set.canonical_source(wire)
    return bool(speakers) and all(
        any(
            link.relation is Relation.COPIES_FROM
            and claim_set.canonical_source(link.object) == target
            and link.holds_at(document.date)
            for link in claim_set.links_of(speaker)
        )
        for speaker in speakers
    )


def _credit(text: str) -> tuple[str, str, float] | None:
    """The first credit line in *text*: (name, the line, its score)."""
    head, tail = text[:400], text[-300:]
    for pattern, score, needed in _CREDITS:
        for part in (head, tail):
            # A pattern cannot match a part without a character it needs:
            # testing for one first skips most searches of most texts.
            if not any(char in part for char in needed):
                continue
            match = pattern.search(part)
            if match is not None:
                name = match.group("name").strip()
                start = part.rfind("\n", 0, match.start()) + 1
                end = part.find("\n", match.end())
                line = part[start : end if end != -1 else len(part)].strip()
                return name, line, score
    return None
