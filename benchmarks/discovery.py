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
and splitting every text into words, in the same run.

    python benchmarks/discovery.py                  # quality only
    python benchmarks/discovery.py --scale 10000 100000
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time
import tracemalloc

from collections.abc import Callable
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


def synthetic(count: int, seed: int = 7) -> ct.ClaimSet:
    """*count* documents of about 300 words; a fifth reprint another."""
    rng = random.Random(seed)
    cs = ct.ClaimSet()
    for n in range(count // 50 + 1):
        cs.record_source(f"p{n}", name=f"Publisher {n}")
    records: list[ct.Record] = []
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
                publisher=f"p{n % (count // 50 + 1)}",
                date=f"2025-{1 + n * 12 // count:02d}-01",
                text=text,
            )
        )
    cs.record_many(records)
    return cs


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def scale(sizes: list[int], repeats: int = 3) -> list[dict[str, float]]:
    """suspicions() against the floor, with growth and memory."""
    rows = []
    for size in sizes:
        cs = synthetic(size)
        texts = [d.text or "" for d in cs.documents]

        def split(texts: list[str] = texts) -> None:
            for text in texts:
                text.casefold().split()

        floor = statistics.median(_timed(split) for _ in range(repeats))

        def run(cs: ct.ClaimSet = cs) -> None:
            # Measure a fresh search, not the cached one.
            cs._by_kind.clear()  # noqa: SLF001
            cs._suspected = None  # noqa: SLF001
            cs.suspicions(kinds=["reused_text"])

        took = statistics.median(_timed(run) for _ in range(repeats))
        tracemalloc.start()
        run()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size_of_texts = sum(len(t.encode("utf-8")) for t in texts)
        rows.append(
            {
                "documents": size,
                "floor_s": floor,
                "suspicions_s": took,
                "ratio": took / floor,
                "peak_memory_mb": peak / 1e6,
                "texts_mb": size_of_texts / 1e6,
                "found": len(cs.suspicions(kinds=["reused_text"])),
            }
        )
    return rows


def main() -> None:
    """Print the quality figures, and the scale figures when asked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, nargs="*", default=[])
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
