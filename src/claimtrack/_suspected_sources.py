# SPDX-License-Identifier: MIT
"""Suspicions found in who says what: copying sources, one claim twice."""

from __future__ import annotations

import math
import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimtrack._dates import PartialDate, compare_dates
from claimtrack._links import Relation
from claimtrack._ordering import natural_key
from claimtrack._statements import Stance
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
        if source not in speakers or date_order(date) < date_order(
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


def same_claims(claim_set: ClaimSetView) -> Iterable[Suspicion]:
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
