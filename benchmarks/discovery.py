# SPDX-License-Identifier: MIT
"""
How well `ClaimSet.suspicions` finds undeclared dependence, and how fast.

Quality: the labelled real test set in tests/data/reuse (see its
SOURCES.md). Each page becomes a statement asserting its event's claim,
with no declared relay; with ``CorroborationPolicy(suspicions="count")``
two pages must share an origin group exactly when the labels say one
depends on the other. Precision and recall are over the labelled pairs,
per kind of pair (verbatim, trimmed, edited; translations apart).

Scale: N synthetic documents of about 300 words (a fifth of them reprints,
trimmed or edited, of another), timed against the floor of case-folding
and splitting every text into words, in the same run. Times are the
process's CPU time (time.process_time), so that other work on a shared
machine counts less; the floor is measured between the runs.

    python benchmarks/discovery.py                  # quality only
    python benchmarks/discovery.py --scale 10000 100000
    python benchmarks/discovery.py --steps 20000    # where the time goes
    python benchmarks/discovery.py --word-hashes 20000  # a word's hash
    python benchmarks/discovery.py --short-copies 2000  # short copies found
    python benchmarks/discovery.py --sample 16 --every-fingerprint \
        --scale 100000   # one shingle in 16 kept, not 8, every one indexed
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import random
import statistics
import time
import tracemalloc

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import claimtrack as ct


ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reuse"


def load_corpus(
    folder: Path = CORPUS,
) -> tuple[ct.ClaimSet, list[dict[str, Any]]]:
    """The labelled pages as a claim set, and the labelled pairs."""
    corpus = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    cs = ct.ClaimSet(policy=ct.CorroborationPolicy(suspicions="count"))
    for document in corpus["documents"]:
        publisher = f"publisher:{document['publisher']}"
        if publisher not in cs:
            cs.record_source(publisher, name=document["publisher"])
        event = f"event:{document['event']}"
        if event not in cs:
            # Each event's claim is its own: a number sets their texts
            # apart, so that no two are suspected of being one claim.
            cs.record_claim(event, text=f"Labelled event {len(cs.claims) + 1}")
        text = (folder / document["file"]).read_text(encoding="utf-8")
        cs.record_document(
            document["id"],
            publisher=publisher,
            date=document["date"],
            title=document["title"],
            url=document["url"],
            text=text,
        )
        cs.record_statement(
            f"page:{document['id']}",
            claim=event,
            source=publisher,
            document=document["id"],
        )
    return cs, corpus["pairs"]


def grouped_together(cs: ct.ClaimSet) -> set[frozenset[str]]:
    """Pairs of documents whose statements share an origin group."""
    together: set[frozenset[str]] = set()
    for report in cs.reports():
        for group in report.asserting_groups:
            documents = sorted(
                {
                    s.document
                    for s in (*group.origins, *group.carriers)
                    if s.document is not None
                }
            )
            together.update(
                frozenset((a, b))
                for i, a in enumerate(documents)
                for b in documents[i + 1 :]
            )
    return together


def quality(folder: Path = CORPUS) -> dict[str, dict[str, float]]:
    """Precision and recall over the labelled pairs, overall and by kind."""
    cs, pairs = load_corpus(folder)
    together = grouped_together(cs)
    counts: dict[str, dict[str, int]] = {}

    def add(kind: str, name: str) -> None:
        table = counts.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
        table[name] += 1

    for pair in pairs:
        predicted = frozenset((pair["a"], pair["b"])) in together
        kind = pair["kind"]
        overall = "translations" if kind == "translation" else "all"
        for bucket in (kind, overall):
            if pair["dependent"]:
                add(bucket, "tp" if predicted else "fn")
            else:
                add(bucket, "fp" if predicted else "tn")
    results: dict[str, dict[str, float]] = {}
    for kind, table in sorted(counts.items()):
        found = table["tp"] + table["fp"]
        real = table["tp"] + table["fn"]
        results[kind] = {
            **table,
            "precision": table["tp"] / found if found else 1.0,
            "recall": table["tp"] / real if real else 1.0,
        }
    return results


def naive_baseline(folder: Path = CORPUS) -> dict[str, float]:
    """Precision and recall of "any shared 5-word sequence is a copy"."""
    cs, pairs = load_corpus(folder)
    shingles = {}
    for document in cs.documents:
        words = (document.text or "").casefold().split()
        shingles[document.id] = {
            tuple(words[i : i + 5]) for i in range(len(words) - 4)
        }
    tp = fp = fn = 0
    for pair in pairs:
        if pair["kind"] == "translation":
            continue
        predicted = bool(shingles[pair["a"]] & shingles[pair["b"]])
        if pair["dependent"]:
            tp += predicted
            fn += not predicted
        else:
            fp += predicted
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }


# -- scale ----------------------------------------------------------------

_VOCABULARY = [f"w{n}" for n in range(20_000)]


def synthetic_records(count: int, seed: int = 7) -> list[ct.Record]:
    """*count* documents of about 300 words, and their publishers."""
    rng = random.Random(seed)
    publishers = count // 50 + 1
    records: list[ct.Record] = [
        ct.Source(id=f"p{n}", name=f"Publisher {n}") for n in range(publishers)
    ]
    texts: list[str] = []
    for n in range(count):
        if texts and rng.random() < 0.2:
            original = rng.choice(texts).split()
            cut = rng.randint(len(original) // 2, len(original))
            words = original[:cut]
            if rng.random() < 0.5:
                words[rng.randrange(len(words))] = rng.choice(_VOCABULARY)
            text = " ".join(words)
        else:
            text = " ".join(rng.choices(_VOCABULARY, k=300))
        texts.append(text)
        records.append(
            ct.Document(
                id=f"d{n}",
                publisher=f"p{n % publishers}",
                date=f"2025-{1 + n * 12 // count:02d}-01",
                text=text,
            )
        )
    return records


def synthetic(count: int, seed: int = 7) -> ct.ClaimSet:
    """*count* documents of about 300 words; a fifth reprint another."""
    cs = ct.ClaimSet()
    cs.record_many(synthetic_records(count, seed))
    return cs


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    action()
    return time.process_time() - start


def _floor(texts: list[str]) -> float:
    """Case-fold and split every text into words: the yardstick."""

    def split() -> None:
        for text in texts:
            text.casefold().split()

    return _timed(split)


def scale(sizes: list[int], repeats: int = 3) -> list[dict[str, float]]:
    """suspicions() against the floor, with growth and memory."""
    rows = []
    for size in sizes:
        records = synthetic_records(size)
        texts = [r.text or "" for r in records if isinstance(r, ct.Document)]

        def fresh(records: list[ct.Record] = records) -> ct.ClaimSet:
            # A new claim set each time: a fresh search, not a kept one.
            cs = ct.ClaimSet()
            cs.record_many(records)
            return cs

        floors, took = [], []
        for _ in range(repeats):
            # The floor is measured between the runs, so that both see
            # the same machine (others may be using it).
            floors.append(_floor(texts))
            cs = fresh()
            took.append(
                _timed(lambda cs=cs: cs.suspicions(kinds=["reused_text"]))
            )
        floors.append(_floor(texts))
        floor = statistics.median(floors)
        median = statistics.median(took)
        cs = fresh()
        gc.collect()
        tracemalloc.start()
        found = len(cs.suspicions(kinds=["reused_text"]))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size_of_texts = sum(len(t.encode("utf-8")) for t in texts)
        rows.append(
            {
                "documents": size,
                "floor_s": floor,
                "suspicions_s": median,
                "ratio": median / floor,
                "peak_memory_mb": peak / 1e6,
                "texts_mb": size_of_texts / 1e6,
                "found": found,
            }
        )
    return rows


def steps(size: int, repeats: int = 3) -> list[tuple[str, float, float]]:
    """
    Where the time of a search for reused text goes, step by step.

    Each step is timed, as the median of *repeats*, against the floor
    measured just before it. The steps use claimtrack's private modules.
    Indexing includes cutting and hashing the words, and each "whole"
    row all of its kind's steps.
    """
    from claimtrack import (  # noqa: PLC0415
        _discovery,
        _suspected_texts,
        _textreuse,
    )

    records = synthetic_records(size)
    cs = ct.ClaimSet()
    cs.record_many(records)
    documents = [r for r in records if isinstance(r, ct.Document)]
    texts = [d.text or "" for d in documents]

    def index() -> _textreuse.TextIndex:
        built = _textreuse.TextIndex(order=lambda number: ("", str(number)))
        built.extend(_suspected_texts._indexed(documents))  # noqa: SLF001
        return built

    built = index()
    candidates = list(built.pairs())

    def compared() -> None:
        for earlier, later in candidates:
            shared, _ = built.overlap(later, earlier)
            if shared >= 2:
                built.passage(later, earlier)

    def fresh_search(*, paused: bool = False) -> None:
        fresh = ct.ClaimSet()
        fresh.record_many(records)
        gc.collect()
        if paused:
            gc.disable()
        start = time.process_time()
        fresh.suspicions(kinds=["reused_text"])
        timings.append(time.process_time() - start)
        gc.enable()

    def each(function: Callable[[str], object]) -> Callable[[], None]:
        def action() -> None:
            for text in texts:
                function(text)

        return action

    actions: list[tuple[str, Callable[[], object]]] = [
        ("cut the words (words_of)", each(_textreuse.words_of)),
        ("cut and hash them (packed_words)", each(_textreuse.packed_words)),
        ("index every text (the above, fingerprints)", index),
        ("pairs sharing an anchor", built.pairs),
        (f"overlap and passage of {len(candidates)} pairs", compared),
    ]
    actions.extend(
        (
            f"{kind.value}, whole",
            lambda kind=kind: _discovery.suspicions_of_kind(cs, kind),
        )
        for kind in ct.SuspicionKind
    )
    rows = []
    for name, action in actions:
        ratios, times = [], []
        for _ in range(repeats):
            floor = _floor(texts)
            times.append(_timed(action))
            ratios.append(times[-1] / floor)
        rows.append(
            (name, statistics.median(times), statistics.median(ratios))
        )
    for name, paused in (
        ("suspicions(), all", False),
        ("suspicions(), the garbage collector paused", True),
    ):
        ratios, timings = [], []
        for _ in range(repeats):
            floor = _floor(texts)
            fresh_search(paused=paused)
            ratios.append(timings[-1] / floor)
        rows.append(
            (name, statistics.median(timings), statistics.median(ratios))
        )
    return rows


def word_hashes(size: int) -> list[tuple[str, float]]:
    """
    What a call per word costs, in nanoseconds a word, on *size* texts.

    The words are cut as `packed_words` cuts an ASCII text; each way of
    giving every word a number is timed over them. Only CRC-32 is both
    deterministic and the same on every machine; Python's hash of bytes
    is randomised in each process, and `len` is the cheapest call there
    is, shown as the bound no per-word call can beat.
    """
    import zlib  # noqa: PLC0415

    from claimtrack import _textreuse  # noqa: PLC0415

    records = synthetic_records(size)
    texts = [r.text or "" for r in records if isinstance(r, ct.Document)]
    table = _textreuse._ASCII_WORDS  # noqa: SLF001
    cut = [text.encode().translate(table).split() for text in texts]
    count = sum(map(len, cut))
    vocabulary = {word: zlib.crc32(word) for words in cut for word in words}

    def each(function: Callable[[bytes], object]) -> Callable[[], None]:
        def action() -> None:
            for words in cut:
                list(map(function, words))

        return action

    def cut_all() -> None:
        for text in texts:
            text.encode().translate(table).split()

    ways: list[tuple[str, Callable[[], object]]] = [
        ("cut into words (translate, split)", cut_all),
        ("zlib.crc32 (what is used)", each(zlib.crc32)),
        ("a dict of word -> CRC-32, every word in it", each(vocabulary.get)),
        ("hash(), randomised in each process", each(hash)),
        ("len(), the cheapest call", each(len)),
    ]
    return [
        (name, statistics.median(_timed(action) for _ in range(3)) / count)
        for name, action in ways
    ]


def short_copies(
    lengths: tuple[int, ...] = (20, 30, 50, 100, 150), trials: int = 2000
) -> list[tuple[int, float, float]]:
    """
    How often a copy of *length* words of a 300-word text is found.

    For each length, *trials* originals of 300 random words and as many
    copies, each a run of that many words from anywhere in its original,
    dated a day later. Found means a reused-text suspicion joins the
    two. Measured as claimtrack searches (anchors, half the fingerprints,
    in the index) and with every fingerprint in the index, as before the
    anchors, by widening the index's hash ranges to all hashes.
    """
    rows = []
    for length in lengths:
        rng = random.Random(length)
        records: list[ct.Record] = []
        for n in range(trials):
            words = rng.choices(_VOCABULARY, k=300)
            start = rng.randrange(300 - length)
            records.append(
                ct.Document(
                    id=f"o{n}", date="2025-01-01", text=" ".join(words)
                )
            )
            records.append(
                ct.Document(
                    id=f"c{n}",
                    date="2025-01-02",
                    text=" ".join(words[start : start + length]),
                )
            )
        expected = {(f"o{n}", f"c{n}") for n in range(trials)}

        def found(
            records: list[ct.Record] = records, expected: set[Any] = expected
        ) -> float:
            cs = ct.ClaimSet()
            cs.record_many(records)
            hits = {
                s.records
                for s in cs.suspicions(kinds=["reused_text"], min_score=0)
            }
            return len(hits & expected) / len(expected)

        anchored = found()
        with indexing_every_fingerprint():
            everything = found()
        rows.append((length, anchored, everything))
    return rows


@contextlib.contextmanager
def _textreuse_with(**values: object) -> Iterator[None]:
    """Give `_textreuse` these module values, and put its own back after."""
    from claimtrack import _textreuse  # noqa: PLC0415

    saved = {name: getattr(_textreuse, name) for name in values}
    for name, value in values.items():
        setattr(_textreuse, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(_textreuse, name, value)


def indexing_every_fingerprint() -> contextlib.AbstractContextManager[None]:
    """
    Put every fingerprint in the reused-text index, not only anchors.

    Widens the index's hash ranges, which end at 0 so that only the
    negative hashes (the anchors) go in, to all hashes: the search as it
    was before anchors. Puts them back after.
    """
    from claimtrack import _textreuse  # noqa: PLC0415

    ranges = len(_textreuse._BOUNDS)  # noqa: SLF001
    return _textreuse_with(
        _BOUNDS=tuple(
            -(2**63) + part * 2**64 // ranges for part in range(1, ranges + 1)
        )
    )


def sampling(sample: int) -> contextlib.AbstractContextManager[None]:
    """
    Keep one shingle in *sample* as a fingerprint, not one in 8.

    Replaces the byte tables that `_textreuse._fingerprints` chooses
    shingles with (a power of 2 up to 16), and puts them back after.
    """
    return _textreuse_with(
        _LOW_BITS=bytes(b % sample for b in range(256)),
        _LOW_BITS_UP=bytes(b % sample * sample for b in range(256)),
        _KEPT=bytes(
            b < sample * sample
            and (b % sample + 3 * (b // sample)) % sample == 0
            for b in range(256)
        ),
    )


def main() -> None:
    """Print the quality figures, and the scale figures when asked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, nargs="*", default=[])
    parser.add_argument("--steps", type=int, default=0)
    parser.add_argument("--word-hashes", type=int, default=0)
    parser.add_argument("--sample", type=int, default=8)
    parser.add_argument("--short-copies", type=int, default=0)
    parser.add_argument("--every-fingerprint", action="store_true")
    args = parser.parse_args()
    if args.short_copies:
        print(
            f"copies of n words of a 300-word text found ({args.short_copies} each)"
        )
        print("words  anchors indexed  every fingerprint indexed")
        for length, anchored, everything in short_copies(
            trials=args.short_copies
        ):
            print(f"{length:5}  {anchored:15.4f}  {everything:25.4f}")
        return
    if args.word_hashes:
        print(f"a call per word, on {args.word_hashes} texts (ns a word)")
        for name, took in word_hashes(args.word_hashes):
            print(f"{name:44} {took * 1e9:6.1f}")
        return
    with contextlib.ExitStack() as stack:
        stack.enter_context(sampling(args.sample))
        if args.every_fingerprint:
            stack.enter_context(indexing_every_fingerprint())
        report(args)


def report(args: argparse.Namespace) -> None:
    """Quality, and scale and steps when asked, as the arguments say."""
    indexed = "every one" if args.every_fingerprint else "anchors only"
    print(
        f"one shingle in {args.sample} kept as a fingerprint, "
        f"{indexed} indexed"
    )
    print("quality on tests/data/reuse (suspicions='count')")
    print(
        f"{'pairs':14} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} precision recall"
    )
    for kind, row in quality().items():
        print(
            f"{kind:14} {row['tp']:4.0f} {row['fp']:4.0f} {row['fn']:4.0f} "
            f"{row['tn']:4.0f} {row['precision']:9.2f} {row['recall']:6.2f}"
        )
    naive = naive_baseline()
    print(
        f"naive (any shared 5 words) precision {naive['precision']:.2f} "
        f"recall {naive['recall']:.2f}"
    )
    if args.scale:
        print("\nscale (reused text)")
        previous = None
        for row in scale(args.scale):
            growth = (
                ""
                if previous is None
                else f" growth {row['suspicions_s'] / previous:.1f}x"
            )
            previous = row["suspicions_s"]
            print(
                f"{row['documents']:>8} documents: suspicions "
                f"{row['suspicions_s']:.2f} s, floor {row['floor_s']:.2f} s, "
                f"{row['ratio']:.1f}x the floor; peak memory "
                f"{row['peak_memory_mb']:.0f} MB for {row['texts_mb']:.0f} "
                f"MB of text; {row['found']:.0f} found{growth}"
            )
    if args.steps:
        print(f"\nsteps at {args.steps} documents (x the floor)")
        for name, took, ratio in steps(args.steps):
            print(f"{name:52} {took:7.2f} s {ratio:6.2f}x")


if __name__ == "__main__":
    main()
