# SPDX-License-Identifier: MIT
"""Reused text: passages one document repeats from another, by fingerprint."""

from __future__ import annotations

import array
import itertools
import operator
import re
import unicodedata
import zlib

from collections.abc import Iterable, Sequence

import attrs


__all__ = [
    "SHINGLE",
    "Passage",
    "TextIndex",
    "longest_passage",
    "words_of",
]

SHINGLE = 5
"""Words in a shingle: the unit two texts must share to count as shared."""

_SAMPLE = 8
"""One shingle in about this many is kept as a fingerprint."""

_CROWD = 40
"""
Documents a fingerprint may join pairwise. A fingerprint met in more is
joined only to its earliest document, so its cost stays linear.
"""

_PARTS = 4
"""Passes over the fingerprints when looking for those met twice."""

_REPEATS = 8
"""Places of one shingle in a text followed when matching a passage."""

_BOILERPLATE = 3
"""A fingerprint in this many documents of one publisher is boilerplate."""

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The words of *text*, NFKC-normalised and case-folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@attrs.frozen
class Passage:
    """
    The longest run of words two texts share.

    Attributes:
        words: How many words it has.
        later_start: Where it starts in the later (or copying) text, in
            words from 0.
        earlier_start: Where it starts in the other text.
        text: Its words, normalised and joined by spaces.
    """

    words: int
    later_start: int
    earlier_start: int
    text: str


@attrs.frozen
class _Fingerprinted:
    words: list[str]
    ids: list[int]

    def shingles(self) -> list[int]:
        """The hash of every shingle, by starting word (made in C)."""
        ids = self.ids
        return list(
            map(
                hash,
                zip(ids, ids[1:], ids[2:], ids[3:], ids[4:], strict=False),
            )
        )


class TextIndex:
    """
    Fingerprints of many texts and the pairs that share enough of them.

    Each text is cut into words; every run of `SHINGLE` words is a
    shingle, hashed from the words' CRC-32 values (deterministic across
    runs and machines). A shingle is kept as a fingerprint when a hash of
    its first two words is 0 modulo 8, a choice made by content alone, so
    two texts that share a passage keep the same fingerprints of it.
    Fingerprints go into an inverted index; only texts that share one are
    ever compared. A fingerprint met in documents of one publisher three
    times or more is boilerplate (a footer, an agency's standard
    paragraph) and ignored; one met in more than 40 documents joins each
    of them only to the earliest, so a passage reprinted everywhere costs
    a line, not a square.
    """

    def __init__(self) -> None:
        self._vocabulary = _Vocabulary()
        self._texts: list[str] = []
        # Each text's fingerprints, as a compact array of 64-bit hashes:
        # a set of Python ints would cost six times as much.
        self._keys: list[array.array[int]] = []
        self._names: list[str] = []
        self._publishers: list[str | None] = []
        self._order: list[tuple[str, str]] = []
        self._boilerplate: set[int] = set()

    def add(
        self,
        name: str,
        text: str,
        *,
        publisher: str | None,
        order: tuple[str, str],
    ) -> None:
        """Add a text; *order* sorts texts oldest first for crowded prints."""
        text_ids = self._fingerprinted(text)
        keys = array.array(
            "q",
            set(
                itertools.compress(text_ids.shingles(), _anchors(text_ids.ids))
            ),
        )
        # Only the fingerprints are kept; words are made again when a
        # pair's shared passage is wanted.
        self._texts.append(text)
        self._keys.append(keys)
        self._names.append(name)
        self._publishers.append(publisher)
        self._order.append(order)

    def _fingerprinted(self, text: str) -> _Fingerprinted:
        words = words_of(text)
        return _Fingerprinted(
            words, list(map(self._vocabulary.__getitem__, words))
        )

    def __len__(self) -> int:
        return len(self._texts)

    def pairs(self) -> dict[tuple[int, int], int]:
        """
        Pairs of texts that share fingerprints, and how many.

        Pairs are numbers of texts, smaller first; boilerplate is left
        out.
        """
        # First, with set operations only, the fingerprints met twice or
        # more: most are met once, and need no posting list.
        # The fingerprints seen so far are kept a quarter at a time, by
        # hash, so that the largest set is a quarter of them all.
        repeated: set[int] = set()
        for part in range(_PARTS):
            seen: set[int] = set()
            for keys in self._keys:
                mine = set(
                    itertools.compress(
                        keys,
                        map(
                            operator.eq,
                            map(operator.mod, keys, itertools.repeat(_PARTS)),
                            itertools.repeat(part),
                        ),
                    )
                )
                repeated.update(seen.intersection(mine))
                seen.update(mine)
            del seen
        postings: dict[int, list[int]] = {}
        for number, keys in enumerate(self._keys):
            for key in repeated.intersection(keys):
                postings.setdefault(key, []).append(number)
        self._boilerplate.clear()
        shared: dict[tuple[int, int], int] = {}
        for key, holders in postings.items():
            if len(holders) < 2:
                continue
            if len(holders) >= _BOILERPLATE and self._is_boilerplate(holders):
                self._boilerplate.add(key)
                continue
            for pair in self._joined(holders):
                shared[pair] = shared.get(pair, 0) + 1
        return shared

    def _is_boilerplate(self, holders: Sequence[int]) -> bool:
        seen: dict[str, int] = {}
        for number in holders:
            publisher = self._publishers[number]
            if publisher is not None:
                seen[publisher] = seen.get(publisher, 0) + 1
                if seen[publisher] >= _BOILERPLATE:
                    return True
        return False

    def _joined(self, holders: list[int]) -> Iterable[tuple[int, int]]:
        if len(holders) <= _CROWD:
            for i, a in enumerate(holders):
                for b in holders[i + 1 :]:
                    yield (a, b) if a < b else (b, a)
            return
        first = min(holders, key=self._order.__getitem__)
        for other in holders:
            if other != first:
                yield (first, other) if first < other else (other, first)

    def containment(self, later: int, earlier: int) -> float:
        """
        The estimated share of *later*'s shingles found in *earlier*.

        Estimated from the fingerprints, boilerplate left out.
        """
        mine = set(self._keys[later]).difference(self._boilerplate)
        if not mine:
            return 0.0
        return len(mine.intersection(self._keys[earlier])) / len(mine)

    def fingerprints(self, index: int) -> int:
        """How many fingerprints (not boilerplate) a text has."""
        return len(set(self._keys[index]).difference(self._boilerplate))

    def passage(self, later: int, earlier: int) -> Passage | None:
        """The longest passage *later* shares with *earlier*, exactly."""
        return longest_passage(
            self._fingerprinted(self._texts[later]),
            self._fingerprinted(self._texts[earlier]),
        )


class _Vocabulary(dict[str, int]):
    """Each word's CRC-32, computed the first time the word is met."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


def _anchors(ids: list[int]) -> Iterable[bool]:
    """
    Whether each shingle is kept as a fingerprint.

    It is when a hash of its first two words is 0 modulo 8.

    Every step runs in C (map): this is the loop over every word of
    every text.
    """
    pair_sums = map(operator.add, ids, map(operator.mul, ids[1:], _THREES))
    remainders = map(operator.mod, pair_sums, _SAMPLES)
    return map(operator.not_, remainders)


_THREES = itertools.repeat(3)
_SAMPLES = itertools.repeat(_SAMPLE)


def longest_passage(
    later: _Fingerprinted, earlier: _Fingerprinted
) -> Passage | None:
    """
    The longest run of at least `SHINGLE` words both texts hold.

    A shingle repeated within the earlier text is followed at up to 8 of
    its places there, which keeps the search linear.
    """
    size = SHINGLE
    where: dict[int, list[int]] = {}
    for place, shingle in enumerate(earlier.shingles()):
        places = where.setdefault(shingle, [])
        if len(places) < _REPEATS:
            places.append(place)
    best = (0, 0, 0)
    run_at: dict[int, int] = {}  # earlier place -> run ending there
    for i, shingle in enumerate(later.shingles()):
        now: dict[int, int] = {}
        for place in where.get(shingle, ()):
            length = run_at.get(place - 1, 0) + 1
            now[place] = length
            if length > best[0]:
                best = (length, i - length + 1, place - length + 1)
        run_at = now
    length, start, other = best
    if not length:
        return None
    count = length + size - 1
    return Passage(
        words=count,
        later_start=start,
        earlier_start=other,
        text=" ".join(later.words[start : start + count]),
    )
