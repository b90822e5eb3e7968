# SPDX-License-Identifier: MIT
"""Reused text: passages one document repeats from another, by fingerprint."""

from __future__ import annotations

import array
import bisect
import collections
import itertools
import operator
import re
import struct
import sys
import unicodedata
import zlib

from collections.abc import Callable, Iterable, Sequence

import attrs

from claimtrack._gc_pause import pause_cyclic_gc


__all__ = [
    "SHINGLE",
    "Passage",
    "TextIndex",
    "longest_passage",
    "packed_words",
    "words_of",
]

SHINGLE = 5
"""Words in a shingle: the unit two texts must share to count as shared."""

_SAMPLE = 8
"""One shingle in about this many is kept as a fingerprint."""

_CROWD = 40
"""
Documents an anchor may join pairwise. An anchor met in more is joined
only to its earliest document, so its cost stays linear.
"""

_RANGES = 8
"""
Ranges of anchor hashes, searched one at a time for repeats: the table
of those seen stays small, which saves memory and, once it no longer
fits the processor's caches, time.
"""

_BOUNDS = tuple(
    -(2**63) + part * 2**63 // _RANGES for part in range(1, _RANGES + 1)
)
"""
Where each range of anchor hashes ends (64-bit, signed). The last ends at
0: the anchors are the fingerprints whose hash is negative, about half.
"""

_BOILERPLATE = 3
"""An anchor in this many documents of one publisher is boilerplate."""

_WORD = re.compile(r"\w+")

_exhaust: Callable[[Iterable[object]], None] = collections.deque[object](
    maxlen=0
).extend
"""Run an iterator to its end, keeping nothing."""

# In ASCII, NFKC normalisation changes nothing, case folding lowers A to
# Z and nothing else, and \w is [0-9A-Za-z_]: one translation of the
# bytes, every other character to a space, cuts the same words.
_ASCII_WORDS = (
    bytes(
        c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32
        for c in range(128)
    )
    + b" " * 128
)


def words_of(text: str) -> list[str]:
    """The words of *text*, NFKC-normalised and case-folded."""
    if text.isascii():
        return text.encode().translate(_ASCII_WORDS).decode().split()
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def packed_words(text: str) -> bytes:
    """
    The CRC-32 of each word of *text*, packed 4 bytes a word.

    CRC-32 is the same on every machine and in every run, unlike Python's
    hash of a string.
    """
    if text.isascii():
        # The words as bytes, hashed as they are: no str is ever made.
        words: Iterable[bytes] = text.encode().translate(_ASCII_WORDS).split()
    else:
        words = map(str.encode, words_of(text))
    return array.array("I", map(zlib.crc32, words)).tobytes()


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


class TextIndex:
    """
    Fingerprints of many texts and the pairs that share enough of them.

    Each text is cut into words, and each word hashed to its CRC-32
    (deterministic across runs and machines); these are kept, 4 bytes a
    word, for the passages. Every run of `SHINGLE` words is a shingle. A
    shingle is kept as a fingerprint when a hash of its first two words
    is 0 modulo 8, a choice made by content alone, so two texts that
    share a passage keep the same fingerprints of it; only those are
    hashed, and each text's are kept to measure what two texts share.
    The fingerprints whose hash is negative, about half, are anchors:
    only anchors go into the inverted index, and only texts that share
    one are ever compared. An anchor met in documents of one publisher
    three times or more is boilerplate (a footer, an agency's standard
    paragraph) and ignored; one met in more than 40 documents joins each
    of them only to the earliest, so a passage reprinted everywhere
    costs a line, not a square.
    """

    def __init__(self, *, order: Callable[[int], tuple[str, str]]) -> None:
        # Sorts texts by number, oldest first, for crowded prints; asked
        # only of the few texts holding one.
        self._order = order
        self._texts: list[str] = []
        self._words: list[bytes] = []
        # The fingerprints, as compact arrays of 64-bit hashes (a set of
        # Python ints costs six times as much): each text's, sorted, one
        # text after the other, and where each text's end.
        self._keys = array.array("q")
        self._ends = array.array("I")
        # The anchors (the negative keys) by range of hashes, and how
        # many of each text's fall in each range.
        self._ranges = [array.array("q") for _ in _BOUNDS]
        self._counts = array.array("I")
        self._publishers: list[str | None] = []
        self._boilerplate: set[int] = set()
        # Where each word starts in a packed text, made once.
        self._starts: list[int] = []

    def add(self, text: str, *, publisher: str | None) -> None:
        """Add a text, published by *publisher*; it is numbered from 0."""
        packed = packed_words(text)
        if len(self._starts) < len(packed) // 4:
            self._starts = list(range(0, 2 * len(packed), 4))
        keys = _fingerprints(packed, self._starts)
        keys.sort()
        # Made an array once: its slices are copied into the others as
        # they are, not number by number.
        stored = array.array("q", keys)
        self._keys.extend(stored)
        self._ends.append(len(self._keys))
        # Each range's share of the anchors, added to its array in C; the
        # last range ends at 0, so the other keys go in none.
        cuts = [0, *map(bisect.bisect_left, itertools.repeat(keys), _BOUNDS)]
        _exhaust(
            map(
                array.array.extend,
                self._ranges,
                map(stored.__getitem__, map(slice, cuts, cuts[1:])),
            )
        )
        self._counts.extend(map(operator.sub, cuts[1:], cuts))
        self._texts.append(text)
        self._words.append(packed)
        self._publishers.append(publisher)

    def extend(self, texts: Iterable[tuple[str, str | None]]) -> None:
        """Add many texts, each with its publisher, as `add`."""
        with pause_cyclic_gc():
            for text, publisher in texts:
                self.add(text, publisher=publisher)

    def __len__(self) -> int:
        return len(self._texts)

    def pairs(self) -> set[tuple[int, int]]:
        """
        Pairs of texts that share an anchor: the candidates.

        Pairs are numbers of texts, smaller first; boilerplate is left
        out.
        """
        self._boilerplate.clear()
        shared: set[tuple[int, int]] = set()
        numbers = range(len(self._texts))
        # One range of hashes at a time, so that the table of the anchors
        # seen stays small.
        with pause_cyclic_gc():
            for part, keys in enumerate(self._ranges):
                # The number of the text holding each key.
                holders = array.array(
                    "I",
                    itertools.chain.from_iterable(
                        map(
                            itertools.repeat,
                            numbers,
                            self._counts[part :: len(_BOUNDS)],
                        )
                    ),
                )
                twice, more = _repeats(keys, holders)
                shared.update(twice)
                for key, texts in more.items():
                    if len(texts) >= _BOILERPLATE and self._is_boilerplate(
                        texts
                    ):
                        self._boilerplate.add(key)
                    else:
                        shared.update(self._joined(texts))
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
        # Holders come in increasing order: each pair is smaller first.
        if len(holders) <= _CROWD:
            for i, a in enumerate(holders):
                for b in holders[i + 1 :]:
                    yield a, b
            return
        first = min(holders, key=self._order)
        for other in holders:
            if other != first:
                yield (first, other) if first < other else (other, first)

    def _fingerprints_of(self, index: int) -> set[int]:
        start = self._ends[index - 1] if index else 0
        return set(self._keys[start : self._ends[index]])

    def overlap(self, later: int, earlier: int) -> tuple[int, float]:
        """
        How many of *later*'s fingerprints *earlier* holds, and what share.

        The share estimates that of *later*'s shingles found in
        *earlier*. Boilerplate is left out.
        """
        mine = self._fingerprints_of(later).difference(self._boilerplate)
        if not mine:
            return 0, 0.0
        shared = len(mine.intersection(self._fingerprints_of(earlier)))
        return shared, shared / len(mine)

    def fingerprints(self, index: int) -> int:
        """How many fingerprints (not boilerplate) a text has."""
        return len(self._fingerprints_of(index).difference(self._boilerplate))

    def passage(self, later: int, earlier: int) -> Passage | None:
        """The longest passage *later* shares with *earlier*, exactly."""
        found = longest_passage(self._words[later], self._words[earlier])
        if found is None:
            return None
        count, start, other = found
        return Passage(
            words=count,
            later_start=start,
            earlier_start=other,
            text=_passage_text(self._texts[later], start, count),
        )


def _passage_text(text: str, start: int, count: int) -> str:
    """Words *start* to *start* + *count* of *text*, joined by spaces."""
    if text.isascii():
        # Words past the passage are never cut out.
        cut = (
            text.encode().translate(_ASCII_WORDS).split(maxsplit=start + count)
        )
        return b" ".join(cut[start : start + count]).decode()
    return " ".join(words_of(text)[start : start + count])


def _repeats(
    keys: Sequence[int], holders: Sequence[int]
) -> tuple[Iterable[tuple[int, int]], dict[int, list[int]]]:
    """
    The anchors among *keys* held by two texts or more.

    *keys* are the texts' anchors, one text after the other, and
    *holders* the number of the text holding each. Returns the pairs of
    texts joined by an anchor held by those two only, the most common
    case; and the texts holding each other anchor held by two or more,
    in order. Every step over all the fingerprints runs in
    C; Python loops only over those held by three texts or more.
    """
    first: dict[int, int] = {}
    # The first holder of each key, and where a key comes back in
    # another text (a text repeating itself is no pair).
    firsts = list(map(first.setdefault, keys, holders))
    del first
    again = list(map(operator.ne, firsts, holders))
    met_keys = list(itertools.compress(keys, again))
    earlier = list(itertools.compress(firsts, again))
    later = list(itertools.compress(holders, again))
    del firsts, again
    times = collections.Counter(met_keys)
    once = list(
        map(operator.eq, map(times.__getitem__, met_keys), itertools.repeat(1))
    )
    twice = itertools.compress(zip(earlier, later, strict=True), once)
    more: dict[int, list[int]] = {}
    for key, one, other in itertools.compress(
        zip(met_keys, earlier, later, strict=True), map(operator.not_, once)
    ):
        texts = more.get(key)
        if texts is None:
            more[key] = [one, other]
        elif texts[-1] != other:
            texts.append(other)
    return twice, more


# Which shingles are fingerprints is decided from the low 3 bits of their
# first two words' hashes, a and b: they are when (a + 3 b) % 8 == 0. The
# low bytes of all the words are picked out of the packed hashes at once,
# each word's and the next's made into one byte a | b << 3 by or-ing two
# shifted copies as big integers, and a table says which of these 64
# values are kept. Every step runs in C, over bytes.
_LOW_BYTE = 0 if sys.byteorder == "little" else 3
_LOW_BITS = bytes(b % _SAMPLE for b in range(256))
_LOW_BITS_UP = bytes(b % _SAMPLE * _SAMPLE for b in range(256))
_KEPT = bytes(
    b < _SAMPLE * _SAMPLE and (b % _SAMPLE + 3 * (b // _SAMPLE)) % _SAMPLE == 0
    for b in range(256)
)
# A shingle's 20 bytes as three numbers (8, 8 and 4 bytes), to be hashed
# as a tuple: the hash of a tuple of ints is the same in every run.
_SHINGLE_NUMBERS = struct.Struct("=QQI").unpack_from


def _fingerprints(packed: bytes, starts: Iterable[int]) -> list[int]:
    """
    The hashes of the shingles kept as fingerprints (repeats possible).

    *starts* are where each word starts in *packed*, as many or more.
    """
    count = len(packed) // 4
    if count < SHINGLE:
        return []
    low = packed[_LOW_BYTE::4]
    pairs = int.from_bytes(low[:-1].translate(_LOW_BITS)) | int.from_bytes(
        low[1:].translate(_LOW_BITS_UP)
    )
    kept = pairs.to_bytes(count - 1).translate(_KEPT)[: count - SHINGLE + 1]
    return list(
        map(
            hash,
            map(
                _SHINGLE_NUMBERS,
                itertools.repeat(packed),
                itertools.compress(starts, kept),
            ),
        )
    )


_STRETCH = re.compile(b"\x01{%d,}" % (SHINGLE - 1))
"""Stretches of shared neighbouring words long enough to hold a shingle."""


def longest_passage(
    later: bytes, earlier: bytes
) -> tuple[int, int, int] | None:
    """
    The longest run of at least `SHINGLE` words both texts hold.

    Both are word hashes packed 4 bytes a word (`packed_words`). Returns
    the run's length in words and where it starts in each, in words, or
    None. Of runs equally long, the first in *later*, at its first place
    in *earlier*.

    Every run the texts share lies within a stretch of *later* in which
    each two neighbouring words are neighbours somewhere in *earlier* as
    well. Those stretches are found with set look-ups made in C; within
    each, a byte search tells whether a run is in *earlier*, and only
    runs longer than the best so far are looked for, so a stretch costs
    one search per word at most, and a plain copy one search in all.
    """
    size = len(later) // 4
    if size < SHINGLE or len(earlier) < 4 * SHINGLE:
        return None
    whole = _find(earlier, later)
    if whole >= 0:
        return size, 0, whole
    theirs = set(_neighbours(earlier, 0))
    theirs.update(_neighbours(earlier, 4))
    shared = bytearray(size - 1)
    shared[0::2] = bytes(map(theirs.__contains__, _neighbours(later, 0)))
    shared[1::2] = bytes(map(theirs.__contains__, _neighbours(later, 4)))
    best = (0, 0, 0)
    for stretch in _STRETCH.finditer(shared):
        start, end = stretch.start(), stretch.end() + 1
        best = _longest_within(later, earlier, start, end, best)
    return best if best[0] else None


def _neighbours(packed: bytes, offset: int) -> array.array[int]:
    """Each word with the next, 8 bytes together, every other word."""
    pairs = array.array("Q")
    pairs.frombytes(packed[offset : offset + (len(packed) - offset) // 8 * 8])
    return pairs


def _longest_within(
    later: bytes,
    earlier: bytes,
    start: int,
    end: int,
    best: tuple[int, int, int],
) -> tuple[int, int, int]:
    """*best*, or a longer run that words *start* to *end* hold."""
    wanted = max(best[0] + 1, SHINGLE)
    place = start
    while end - place >= wanted:
        found = _find(earlier, later[4 * place : 4 * (place + wanted)])
        if found < 0:
            place += 1
            continue
        # The longest run from here: the rest of the stretch, or found by
        # halving (a run's beginnings are all in *earlier* too).
        longest, longer = wanted, end - place
        whole = _find(earlier, later[4 * place : 4 * end])
        if whole >= 0:
            longest, found = longer, whole
        while longer - longest > 1:
            middle = (longest + longer) // 2
            where = _find(earlier, later[4 * place : 4 * (place + middle)])
            if where >= 0:
                longest, found = middle, where
            else:
                longer = middle
        best = (longest, place, found)
        wanted = longest + 1
        place += 1
    return best


def _find(haystack: bytes, needle: bytes) -> int:
    """The first word where *needle*'s words are in *haystack*, or -1."""
    at = haystack.find(needle)
    while at > 0 and at % 4:
        # A match across word boundaries: rare, look further on.
        at = haystack.find(needle, at + 1)
    return at // 4 if at >= 0 else -1
