# SPDX-License-Identifier: MIT
"""Suspicions found in who says what: copying sources, one claim twice."""

from __future__ import annotations

import collections
import itertools
import math
import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimtrack._dates import PartialDate, compare_dates
from claimtrack._links import Relation
from claimtrack._ordering import natural_key
from claimtrack._statements import Stance, Statement
from claimtrack._suspicions import (
    THRESHOLDS,
    Suspicion,
    SuspicionKind,
    date_order,
)
from claimtrack._text import fold
from claimtrack._textreuse import words_of
from claimtrack._verdicts import Verdict


if TYPE_CHECKING:
    from claimtrack._views import ClaimSetView


__all__ = [
    "copying_sources",
    "same_claims",
]


# -- copying sources (Dong, Berti-Equille and Srivastava, VLDB 2009) ------

_POPULAR = 50
"""Claims said by more sources than this tell nothing about copying."""


def copying_sources(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    verdicts = _verdicts(claim_set)
    said = _said(claim_set)
    weight: dict[tuple[str, str], float] = {}
    false_shared: dict[tuple[str, str], list[str]] = {}
    shared: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], list[int]] = {}
    for (claim, stance), statements in said.items():
        count = len(statements)
        if count < 2 or count > _POPULAR:
            continue
        speakers = {
            source: claim_set.date_of(statement)
            for source, statement in statements.items()
        }
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
        # In natural id order, whatever order they were recorded in.
        claims = sorted(shared[pair], key=natural_key)
        false = sorted(false_shared.get(pair, []), key=natural_key)
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


def _said(
    claim_set: ClaimSetView,
) -> dict[tuple[str, Stance], dict[str, Statement]]:
    """
    Who says each claim class with each stance: the earliest statement.

    Statements that retract or declare where they come from are left
    out. Of one source's statements, the earliest counts, ties broken by
    precision, so that the order they were recorded in changes nothing.
    Each source's representative is asked once, and a claim's class only
    when a ``same_as`` link touches the claim (else it is its own).
    """
    # Every end of a same_as link: sources' too, which no claim shares.
    linked = {
        end
        for link in claim_set.links
        if link.relation is Relation.SAME_AS
        for end in (link.subject, link.object)
    }
    roots: dict[str, str] = {}
    canonical: dict[str, str] = {}
    said: dict[tuple[str, Stance], dict[str, Statement]] = {}
    for statement in claim_set.statements:
        if statement.stance is Stance.RETRACTS or statement.derives_from:
            continue
        claim = statement.claim
        if claim in linked:
            root = roots.get(claim)
            if root is None:
                root = roots[claim] = claim_set.claim_class(claim)[0]
            claim = root
        source = canonical.get(statement.source)
        if source is None:
            source = claim_set.canonical_source(statement.source)
            canonical[statement.source] = source
        speakers = said.setdefault((claim, statement.stance), {})
        held = speakers.setdefault(source, statement)
        if held is not statement and date_order(
            claim_set.date_of(statement)
        ) < date_order(claim_set.date_of(held)):
            speakers[source] = statement
    return said


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


def _stem(word: str) -> str:
    """*word* less a common ending; "" for a stop word."""
    if word in _STOP:
        return ""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content(text: str, stems: dict[str, str]) -> frozenset[str]:
    """
    The stems of *text*'s content words.

    *stems* keeps each word's stem ("" for a stop word) across texts, so
    that a word is stemmed once however many claims use it.
    """
    words = set(words_of(text))
    for word in words.difference(stems):
        stems[word] = _stem(word)
    found = set(map(stems.__getitem__, words))
    # No word or stem is empty: "" marks the stop words alone.
    found.discard("")
    return frozenset(found)


_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b([^\W\d_][\w'-]*)")


def _names(text: str) -> frozenset[str]:
    """The folded capitalised words of *text*, the first word aside."""
    text = text.strip()
    if text[1:].islower():
        # No capital after the first character: no name (the common case).
        return frozenset()
    return frozenset(
        fold(word) for word in _CAPITALISED.findall(text) if word[0].isupper()
    )


def same_claims(claim_set: ClaimSetView) -> Iterable[Suspicion]:
    stems: dict[str, str] = {}
    contents = {
        claim.id: _content(claim.text, stems) for claim in claim_set.claims
    }
    # Names (capitalised words after the first) must agree, as numbers
    # must: "troops killed 12 at Moura" is not "troops killed 12 at Gao".
    names = {claim.id: _names(claim.text) for claim in claim_set.claims}
    crowd = 50  # a word in more claims than this tells nothing alone
    # Only words in two claims to *crowd* are indexed: counted in C first,
    # so that the words of one claim, or of thousands, cost no loop.
    claims_with = collections.Counter(
        itertools.chain.from_iterable(contents.values())
    )
    telling = {w for w, n in claims_with.items() if 2 <= n <= crowd}
    by_word: dict[str, list[str]] = {}
    for claim, words in contents.items():
        for word in words.intersection(telling):
            by_word.setdefault(word, []).append(claim)
    shared: dict[tuple[str, str], int] = {}
    for holders in by_word.values():
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
