# SPDX-License-Identifier: MIT
"""Suspicions: dependence nobody declared, found in what is recorded."""

from __future__ import annotations

import enum
import math
import re

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from claimtrack._dates import PartialDate, compare_dates, first_day
from claimtrack._display import html_of
from claimtrack._documents import Document
from claimtrack._field_checks import enum_converter
from claimtrack._links import Relation
from claimtrack._statements import Stance, Statement
from claimtrack._text import fold
from claimtrack._textreuse import SHINGLE, TextIndex, words_of
from claimtrack._verdicts import Verdict
from claimtrack.exceptions import InvalidValueError


if TYPE_CHECKING:
    from claimtrack._views import ClaimSetView


__all__ = [
    "AFFECTED",
    "THRESHOLDS",
    "Suspicion",
    "SuspicionKind",
    "not_judged",
    "strongest_first",
    "suspicions_of_kind",
    "to_kind",
]


class SuspicionKind(enum.StrEnum):
    """What a suspicion suspects."""

    REUSED_TEXT = "reused_text"
    """A document's text repeats a passage of another document's."""
    SHARED_QUOTE = "shared_quote"
    """Statements by different sources carry one verbatim quote."""
    WIRE_CREDIT = "wire_credit"
    """A document credits a wire or press office its statements omit."""
    COPYING_SOURCE = "copying_source"
    """Two sources share many claims, above all false ones (Dong et al.)."""
    SAME_CLAIM = "same_claim"
    """Two claims say the same thing in different words."""


_KIND_CONVERTERS = {
    field: enum_converter(SuspicionKind, field) for field in ("kind", "kinds")
}


def to_kind(value: SuspicionKind | str, field: str = "kind") -> SuspicionKind:
    """
    The `SuspicionKind` named by *value*.

    Raises:
        InvalidValueError: Naming *field* (``kind`` or ``kinds``), if
            *value* names no kind.
    """
    return _KIND_CONVERTERS[field](value)


def _records(value: object) -> tuple[str, ...]:
    records = tuple(value) if isinstance(value, tuple | list) else ()
    if not 1 <= len(records) <= 2 or not all(
        type(r) is str and r for r in records
    ):
        raise InvalidValueError(
            "records", value, "expected one or two record ids"
        )
    return records


THRESHOLDS: Mapping[SuspicionKind, float] = {
    SuspicionKind.REUSED_TEXT: 0.25,
    SuspicionKind.SHARED_QUOTE: 0.5,
    SuspicionKind.WIRE_CREDIT: 0.6,
    SuspicionKind.COPYING_SOURCE: 0.6,
    SuspicionKind.SAME_CLAIM: 0.6,
}
"""
The score at or above which a suspicion of each kind holds by default.

Calibrated on the labelled test set described on the discovery page.
"""


@attrs.frozen
class Suspicion:
    """
    A dependence the records suggest but nobody declared.

    Computed by `ClaimSet.suspicions`, never recorded by itself: accept it
    (`ClaimSet.accept`) to declare what it implies, or reject it
    (`ClaimSet.reject`) so that it is not raised again.

    Attributes:
        kind: What it suspects.
        records: The ids of the records it joins: earlier first and later
            second when *ordered*, else in id order. A wire credit joins a
            document and the credited source (only the document when no
            source of that name is recorded).
        ordered: Whether dates tell which record came first.
        score: How strongly the records suggest it, from 0 to 1.
        threshold: The score at or above which it holds by default.
        evidence: What suggests it, in words.
        data: The same evidence as data (shared passage, quote, credit
            line, shared claims, dates), JSON-ready.
    """

    kind: SuspicionKind = attrs.field(converter=to_kind)
    records: tuple[str, ...] = attrs.field(converter=_records)
    ordered: bool
    score: float
    threshold: float
    evidence: str
    data: Mapping[str, Any] = attrs.field(
        factory=dict, eq=False, hash=False, repr=False
    )

    @property
    def holds(self) -> bool:
        """Whether its score reaches its threshold."""
        return self.score >= self.threshold

    def describe(self) -> str:
        """One line: the kind, the records, the score and the evidence."""
        joined = " and ".join(self.records)
        return (
            f"{self.kind.value} ({self.score:.2f}): {joined}: {self.evidence}"
        )

    def _repr_html_(self) -> str:
        """What a notebook shows: kind, score, records and evidence."""
        return html_of(self)

    def to_json(self) -> dict[str, Any]:
        """The suspicion as a JSON-ready dict."""
        return {
            "kind": self.kind.value,
            "records": list(self.records),
            "ordered": self.ordered,
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "holds": self.holds,
            "evidence": self.evidence,
            "data": dict(self.data),
        }


def suspicions_of_kind(
    claim_set: ClaimSetView, kind: SuspicionKind
) -> list[Suspicion]:
    """Every suspicion of one kind, judged ones included, in no order."""
    finders = {
        SuspicionKind.REUSED_TEXT: _reused_text,
        SuspicionKind.SHARED_QUOTE: _shared_quotes,
        SuspicionKind.WIRE_CREDIT: _wire_credits,
        SuspicionKind.COPYING_SOURCE: _copying_sources,
        SuspicionKind.SAME_CLAIM: _same_claims,
    }
    return list(finders[kind](claim_set))


def not_judged(
    claim_set: ClaimSetView, found: Iterable[Suspicion]
) -> list[Suspicion]:
    """*found* less what a person accepted or rejected, strongest first."""
    judged = _judged(claim_set)
    kept = [s for s in found if frozenset(s.records) not in judged]
    kept.sort(key=strongest_first)
    return kept


def strongest_first(
    suspicion: Suspicion,
) -> tuple[float, str, tuple[str, ...]]:
    """Sort key: highest score first, then by kind and records."""
    return (-suspicion.score, suspicion.kind.value, suspicion.records)


AFFECTED: Mapping[str, frozenset[SuspicionKind]] = {
    "source": frozenset({SuspicionKind.WIRE_CREDIT}),
    "document": frozenset(
        {SuspicionKind.REUSED_TEXT, SuspicionKind.WIRE_CREDIT}
    ),
    "claim": frozenset({SuspicionKind.SAME_CLAIM}),
    "statement": frozenset(
        {
            SuspicionKind.SHARED_QUOTE,
            SuspicionKind.WIRE_CREDIT,
            SuspicionKind.COPYING_SOURCE,
        }
    ),
    "review": frozenset({SuspicionKind.COPYING_SOURCE}),
    "link": frozenset(SuspicionKind),
}
"""
The kinds a new record of each kind may change: the others keep what
they found. Links touch every kind (``same_as`` merges sources and
claims, and judgements silence suspicions).
"""


def _judged(claim_set: ClaimSetView) -> set[frozenset[str]]:
    """Pairs a person already linked (accepted or rejected): not raised."""
    return {
        frozenset((link.subject, link.object))
        for link in claim_set.links
        if link.relation
        in (
            Relation.COPIES,
            Relation.DISTINCT_FROM,
            Relation.COPIES_FROM,
            Relation.SAME_AS,
        )
    }


# -- ordering by date -----------------------------------------------------


def _order(
    a: str, date_a: PartialDate | None, b: str, date_b: PartialDate | None
) -> tuple[tuple[str, str], bool]:
    """(earlier, later) and True when the dates tell; else id order."""
    if date_a is not None and date_b is not None:
        compared = compare_dates(date_a, date_b)
        if compared == -1:
            return (a, b), True
        if compared == 1:
            return (b, a), True
    return ((a, b) if a < b else (b, a)), False


def _sort_date(date: PartialDate | None) -> str:
    return "~" if date is None else first_day(date).isoformat()


def _date_order(date: PartialDate | None) -> tuple[str, int, str]:
    """Earliest first; of dates starting alike, the most precise."""
    if date is None:
        return (_sort_date(date), 0, "")
    return (_sort_date(date), -date.precision.value, date.isoformat())


# -- reused text ----------------------------------------------------------


def _reused_text(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    documents = [d for d in claim_set.documents if d.text is not None]
    if len(documents) < 2:
        return
    index = TextIndex()
    index.extend(_indexed(documents))
    threshold = THRESHOLDS[SuspicionKind.REUSED_TEXT]
    for (i, j), shared in index.pairs().items():
        if shared < 2:
            continue
        a, b = documents[i], documents[j]
        (first, second), ordered = _order(a.id, a.date, b.id, b.date)
        later, earlier = (j, i) if second == b.id else (i, j)
        if not ordered and index.fingerprints(i) < index.fingerprints(j):
            # Undated: the shorter text is the likelier copy.
            later, earlier = i, j
        share = index.containment(later, earlier)
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
            f'"{_clip(passage.text)}"'
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
                    later_id: _iso(documents[later].date),
                    earlier_id: _iso(documents[earlier].date),
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
) -> Iterable[tuple[str, str | None, tuple[str, str]]]:
    """Each document's text, publisher and order for the text index."""
    for document in documents:
        assert document.text is not None
        yield (
            document.text,
            document.publisher,
            (_sort_date(document.date), document.id),
        )


_QUOTE_LENGTH = 25
"""Words a quotation of one official may run to without counting as reuse."""


def _iso(date: PartialDate | None) -> str | None:
    return None if date is None else date.isoformat()


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


def _clip(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# -- shared quotes --------------------------------------------------------

_MIN_QUOTE_WORDS = 6


def _shared_quotes(claim_set: ClaimSetView) -> Iterable[Suspicion]:
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
        statements.sort(key=lambda s: (_sort_date(claim_set.date_of(s)), s.id))
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
            (earlier, later), ordered = _order(
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
                f'{first.id}: "{_clip(quote)}"',
                {
                    "quote": quote,
                    "first": first.id,
                    "dates": {
                        first.id: _iso(claim_set.date_of(first)),
                        other.id: _iso(claim_set.date_of(other)),
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
    (re.compile(rf"\((?P<name>{_WIRES})\)\s*[-\u2013\u2014]"), 0.9),
    # A closing credit: "... - Reuters", "-- AFP".
    (
        re.compile(rf"[-\u2013\u2014]{{1,2}}\s*(?P<name>{_WIRES})\s*\.?\s*$"),
        0.85,
    ),
    # A byline: "By The Associated Press".
    (
        re.compile(
            r"^\s*By\s+(?:the\s+)?(?P<name>Associated Press|Reuters|"
            r"Agence France-Presse|AFP)\b",
            re.IGNORECASE | re.MULTILINE,
        ),
        0.85,
    ),
    # "Source: Ministry of Defence", "Courtesy: NASA".
    (
        re.compile(
            r"^\s*(?:Source|Courtesy|Credit)\s*:\s*(?P<name>[^\n]{2,80}?)"
            r"\s*$",
            re.IGNORECASE | re.MULTILINE,
        ),
        0.7,
    ),
)


def _wire_credits(claim_set: ClaimSetView) -> Iterable[Suspicion]:
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
                f'{document.id} credits {name!r} ("{_clip(line, 80)}") '
                f"while its statements declare no derivation; recorded "
                f"source: {source.id}"
            )
            records: tuple[str, ...] = (document.id, source.id)
        else:
            evidence = (
                f'{document.id} credits {name!r} ("{_clip(line, 80)}") '
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
    for pattern, score in _CREDITS:
        for part in (head, tail):
            match = pattern.search(part)
            if match is not None:
                name = match.group("name").strip()
                start = part.rfind("\n", 0, match.start()) + 1
                end = part.find("\n", match.end())
                line = part[start : end if end != -1 else len(part)].strip()
                return name, line, score
    return None


# -- copying sources (Dong, Berti-Equille and Srivastava, VLDB 2009) ------

_POPULAR = 50
"""Claims said by more sources than this tell nothing about copying."""


def _copying_sources(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    verdicts = _verdicts(claim_set)
    said: dict[tuple[str, Stance], dict[str, PartialDate | None]] = {}
    for statement in claim_set.statements:
        if statement.stance is Stance.RETRACTS or statement.derives_from:
            continue
        claim = claim_set.claim_class(statement.claim)[0]
        source = claim_set.canonical_source(statement.source)
        speakers = said.setdefault((claim, statement.stance), {})
        date = claim_set.date_of(statement)
        # The earliest date, ties broken by precision, so that the order
        # statements were recorded in changes nothing.
        if source not in speakers or _date_order(date) < _date_order(
            speakers[source]
        ):
            speakers[source] = date
    weight: dict[tuple[str, str], float] = {}
    false_shared: dict[tuple[str, str], list[str]] = {}
    shared: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], list[int]] = {}
    for (claim, stance), speakers in said.items():
        count = len(speakers)
        if count < 2 or count > _POPULAR:
            continue
        verdict = verdicts.get(claim)
        is_false = (verdict is Verdict.FALSE and stance is Stance.ASSERTS) or (
            verdict is Verdict.TRUE and stance is Stance.DENIES
        )
        is_true = (verdict is Verdict.TRUE and stance is Stance.ASSERTS) or (
            verdict is Verdict.FALSE and stance is Stance.DENIES
        )
        if is_false:
            value = 1.0
        elif is_true:
            value = 0.1
        else:
            value = 0.4 / (count - 1)
        ordered_speakers = sorted(speakers)
        for i, a in enumerate(ordered_speakers):
            for b in ordered_speakers[i + 1 :]:
                pair = (a, b)
                weight[pair] = weight.get(pair, 0.0) + value
                shared.setdefault(pair, []).append(claim)
                if is_false:
                    false_shared.setdefault(pair, []).append(claim)
                compared = _compare(speakers[a], speakers[b])
                votes = first.setdefault(pair, [0, 0])
                if compared == -1:
                    votes[0] += 1
                elif compared == 1:
                    votes[1] += 1
    threshold = THRESHOLDS[SuspicionKind.COPYING_SOURCE]
    for pair, total in weight.items():
        score = 1 - math.exp(-total)
        if score < threshold / 2:
            continue
        a, b = pair
        votes = first[pair]
        ordered = votes[0] != votes[1]
        records = (a, b) if votes[0] >= votes[1] else (b, a)
        claims = shared[pair]
        false = false_shared.get(pair, [])
        direction = f"; {records[0]} said them first" if ordered else ""
        yield Suspicion(
            SuspicionKind.COPYING_SOURCE,
            records,
            ordered,
            score,
            threshold,
            f"{a} and {b} say {len(claims)} claims alike, {len(false)} of "
            f"them rated false by reviews ({', '.join(false[:5]) or 'none'})"
            f"{direction}",
            {
                "shared_claims": sorted(claims),
                "shared_false_claims": sorted(false),
                "first": votes,
            },
        )


def _compare(a: PartialDate | None, b: PartialDate | None) -> int | None:
    if a is None or b is None:
        return None
    return compare_dates(a, b)


def _verdicts(claim_set: ClaimSetView) -> dict[str, Verdict]:
    """Each claim class's verdict, where its reviews agree on one."""
    found: dict[str, set[Verdict]] = {}
    for review in claim_set.reviews:
        root = claim_set.claim_class(review.claim)[0]
        found.setdefault(root, set()).add(review.rating.verdict)
    return {
        claim: verdicts.pop()
        for claim, verdicts in found.items()
        if len(verdicts) == 1
    }


# -- same claims ----------------------------------------------------------

_STOP = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "been", "by", "for"),
        *("from", "has", "have", "in", "is", "it", "its", "of", "on", "or"),
        *("that", "the", "this", "to", "was", "were", "which", "will"),
        "with",
    }
)


def _content(text: str) -> frozenset[str]:
    stems = set()
    for word in words_of(text):
        if word in _STOP:
            continue
        stem = word
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                stem = word[: -len(suffix)]
                break
        stems.add(stem)
    return frozenset(stems)


_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b([^\W\d_][\w'-]*)")


def _names(text: str) -> frozenset[str]:
    """The folded capitalised words of *text*, the first word aside."""
    return frozenset(
        fold(word)
        for word in _CAPITALISED.findall(text.strip())
        if word[0].isupper()
    )


def _same_claims(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    contents = {claim.id: _content(claim.text) for claim in claim_set.claims}
    # Names (capitalised words after the first) must agree, as numbers
    # must: "troops killed 12 at Moura" is not "troops killed 12 at Gao".
    names = {claim.id: _names(claim.text) for claim in claim_set.claims}
    by_word: dict[str, list[str]] = {}
    for claim, words in contents.items():
        for word in words:
            by_word.setdefault(word, []).append(claim)
    crowd = 50  # a word in more claims than this tells nothing alone
    shared: dict[tuple[str, str], int] = {}
    for holders in by_word.values():
        if len(holders) < 2 or len(holders) > crowd:
            continue
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                shared[pair] = shared.get(pair, 0) + 1
    contradicting = {
        frozenset((link.subject, link.object))
        for link in claim_set.links
        if link.relation is Relation.CONTRADICTS
    }
    threshold = THRESHOLDS[SuspicionKind.SAME_CLAIM]
    for (a, b), count in shared.items():
        if count < 2 or frozenset((a, b)) in contradicting:
            continue
        if claim_set.claim_class(a) == claim_set.claim_class(b):
            continue
        words_a, words_b = contents[a], contents[b]
        numbers_a = {w for w in words_a if w.isdigit()}
        numbers_b = {w for w in words_b if w.isdigit()}
        if numbers_a != numbers_b or names[a] != names[b]:
            continue
        score = len(words_a & words_b) / len(words_a | words_b)
        if score < threshold / 2:
            continue
        common = sorted(words_a & words_b)
        yield Suspicion(
            SuspicionKind.SAME_CLAIM,
            (a, b),
            False,
            score,
            threshold,
            f"claims {a} and {b} share {len(common)} of "
            f"{len(words_a | words_b)} content words "
            f"({', '.join(common[:8])})",
            {"shared_words": common},
        )
