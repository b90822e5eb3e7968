# SPDX-License-Identifier: MIT
"""
Measure claimtrack against the plain-dict floor and the `prov` package.

Usage: python benchmarks/run.py [--sizes 10000 100000] [--repeat 3]
                                [--json OUT] [--no-prov]

Sizes count statements (two per claim, half of them relays). For each size
the same workload (benchmarks/workload.py) is built, written and read by
claimtrack, by plain dicts with `json` (the floor), and by the `prov`
package building the equivalent PROV document. Times are medians of
--repeat runs; memory is the peak RSS growth of a fresh process building
the structure. The tables print as Markdown.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time

from collections.abc import Callable
from pathlib import Path
from typing import Any


sys.path.insert(0, str(Path(__file__).parent))

import claimtrack as ct

from claimtrack._strict_json import read_json
from claimtrack.prov import RECORD_NAMESPACE, TERMS_NAMESPACE
from workload import record, rows


Rows = dict[str, list[dict[str, Any]]]
CONTROL = {"part_of", "controlled_by", "owned_by", "speaks_for", "employed_by"}


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of *repeat* runs of *action*."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the floor: the same information as plain dicts ---------------------------


def floor_build(data: Rows) -> dict[str, Any]:
    """The workload as one plain JSON-ready dict (fresh dicts per record)."""
    return {
        "format": "claimtrack",
        "version": 1,
        **{kind: [dict(row) for row in data[kind]] for kind in data},
    }


def floor_dumps(document: dict[str, Any], *, compact: bool = False) -> str:
    """Plain json.dumps, laid out as claimtrack writes (or compact)."""
    if compact:
        return (
            json.dumps(document, ensure_ascii=False, separators=(",", ":"))
            + "\n"
        )
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- the prov package ----------------------------------------------------------


def prov_build(data: Rows) -> Any:
    """The equivalent PROV document, built with the prov package's API."""
    from prov.model import PROV, ProvDocument  # noqa: PLC0415

    document = ProvDocument()
    document.add_namespace("ctr", RECORD_NAMESPACE)
    document.add_namespace("claimtrack", TERMS_NAMESPACE)
    claims = set()
    for source in data["sources"]:
        kind = (
            PROV["Person"]
            if source["kind"] == "person"
            else PROV["Organization"]
        )
        document.agent(
            f"ctr:{source['id']}",
            {"prov:type": kind, "prov:label": source["name"]},
        )
    for claim in data["claims"]:
        claims.add(claim["id"])
        document.entity(f"ctr:{claim['id']}", {"prov:label": claim["text"]})
    for link in data["links"]:
        subject, obj = f"ctr:{link['subject']}", f"ctr:{link['object']}"
        name = f"ctr:{link['id']}"
        if link["subject"] in claims:
            document.alternateOf(subject, obj)
        elif link["relation"] in CONTROL:
            document.actedOnBehalfOf(subject, obj, identifier=name)
        else:
            document.wasInfluencedBy(
                subject,
                obj,
                identifier=name,
                other_attributes={"claimtrack:relation": link["relation"]},
            )
    for statement in data["statements"]:
        name = f"ctr:{statement['id']}"
        document.entity(
            name,
            {
                "claimtrack:claim": f"ctr:{statement['claim']}",
                "claimtrack:stance": statement["stance"],
                "claimtrack:date": statement["date"],
            },
        )
        document.wasAttributedTo(
            name,
            f"ctr:{statement['source']}",
            identifier=f"ctr:attribution/{statement['id']}",
        )
        for parent in statement.get("derives_from", ()):
            document.wasDerivedFrom(
                name,
                f"ctr:{parent}",
                identifier=f"ctr:derivation/{statement['id']}/{parent}",
                other_attributes={"prov:type": PROV["Quotation"]},
            )
        if statement["stance"] == "retracts":
            activity = f"ctr:retraction/{statement['id']}"
            document.activity(activity)
            document.wasInvalidatedBy(f"ctr:{statement['target']}", activity)
    return document


def prov_roundtrip(data: Rows, repeat: int) -> dict[str, float] | None:
    """Time the prov package, or None if it is not installed."""
    try:
        from prov.model import ProvDocument  # noqa: PLC0415
    except ImportError:
        return None
    document = prov_build(data)
    text = document.serialize(format="json")
    return {
        "build": median_seconds(lambda: prov_build(data), repeat),
        "dumps": median_seconds(
            lambda: document.serialize(format="json"), repeat
        ),
        "loads": median_seconds(
            lambda: ProvDocument.deserialize(content=text, format="json"),
            repeat,
        ),
        "bytes": len(text.encode()),
    }


# -- where the time goes -------------------------------------------------------

RECORD_CLASSES = (
    ("sources", ct.Source),
    ("claims", ct.Claim),
    ("links", ct.Link),
    ("statements", ct.Statement),
)


def _accept(**fields: object) -> None:
    """Take keyword arguments and do nothing: the cost of any such call."""


def call_each(data: Rows) -> None:
    """Call a do-nothing function with each row's fields as keywords."""
    for kind, _ in RECORD_CLASSES:
        for row in data[kind]:
            _accept(**row)


def make_each(data: Rows) -> list[ct.Record]:
    """Make each row's frozen record, which checks its own values, alone."""
    return [cls(**row) for kind, cls in RECORD_CLASSES for row in data[kind]]


def anatomy(data: Rows, text: str, repeat: int) -> dict[str, float]:
    """The costs that building and loading are made of, measured alone."""
    return {
        "call_each": median_seconds(lambda: call_each(data), repeat),
        "make_each": median_seconds(lambda: make_each(data), repeat),
        "strict_loads": median_seconds(lambda: read_json(text), repeat),
    }


# -- memory, in a fresh process -------------------------------------------------


def _status_kib(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in KiB."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise LookupError(field)


def measure_memory(kind: str, claims: int) -> float:
    """MB of peak RSS growth while building *kind* ('claimtrack'/'floor')."""
    data = rows(claims)
    gc.collect()
    # VmHWM (the peak RSS of this address space) is reset by exec, unlike
    # getrusage's ru_maxrss, which a child inherits from its parent.
    baseline = _status_kib("VmRSS")
    built = record(data) if kind == "claimtrack" else floor_build(data)
    peak = _status_kib("VmHWM")
    del built
    return max(peak - baseline, 0) / 1024


def memory_in_child(kind: str, claims: int) -> float:
    """Run `measure_memory` in a fresh interpreter, so peaks do not mix."""
    done = subprocess.run(  # noqa: S603 - our own script, our arguments
        [sys.executable, __file__, "--memory-of", kind, str(claims)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


# -- one size -------------------------------------------------------------------


def measure(
    statements: int, repeat: int, *, with_prov: bool
) -> dict[str, Any]:
    """Every figure for one size."""
    claims = statements // 2
    data = rows(claims)
    cs = record(data)
    document = floor_build(data)
    text = cs.to_json()
    floor_text = floor_dumps(document)
    result: dict[str, Any] = {
        "statements": len(cs.statements),
        "claims": len(cs.claims),
        "json_bytes": len(text.encode()),
        "floor_json_bytes": len(floor_text.encode()),
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.json"
        floor_path = Path(folder) / "floor.json"
        cs.save(path)
        floor_path.write_text(floor_text, encoding="utf-8")
        result["claimtrack"] = {
            "build": median_seconds(lambda: record(data), repeat),
            "to_json": median_seconds(cs.to_json, repeat),
            "to_json_compact": median_seconds(
                lambda: cs.to_json(indent=None), repeat
            ),
            "from_json": median_seconds(
                lambda: ct.ClaimSet.from_json(text), repeat
            ),
            "save": median_seconds(lambda: cs.save(path), repeat),
            "load": median_seconds(lambda: ct.ClaimSet.load(path), repeat),
            "corroborate_all": median_seconds(cs.reports, repeat),
            "memory_mb": memory_in_child("claimtrack", claims),
        }
        result["floor"] = {
            "build": median_seconds(lambda: floor_build(data), repeat),
            "to_json": median_seconds(lambda: floor_dumps(document), repeat),
            "to_json_compact": median_seconds(
                lambda: floor_dumps(document, compact=True), repeat
            ),
            "from_json": median_seconds(
                lambda: json.loads(floor_text), repeat
            ),
            "save": median_seconds(
                lambda: floor_path.write_text(
                    floor_dumps(document), encoding="utf-8"
                ),
                repeat,
            ),
            "load": median_seconds(
                lambda: json.loads(floor_path.read_bytes()), repeat
            ),
            "memory_mb": memory_in_child("floor", claims),
        }
    result["anatomy"] = anatomy(data, text, repeat)
    result["prov"] = prov_roundtrip(data, repeat) if with_prov else None
    return result


# -- reporting --------------------------------------------------------------------


def _seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def report(results: list[dict[str, Any]]) -> str:
    """The results as Markdown tables."""
    lines = [
        "| statements | step | claimtrack | floor | claimtrack / floor |",
        "|---:|---|---:|---:|---:|",
    ]
    steps = (
        "build",
        "to_json",
        "to_json_compact",
        "from_json",
        "save",
        "load",
    )
    for result in results:
        ours, floor = result["claimtrack"], result["floor"]
        size = f"{result['statements']:,}"
        lines.extend(
            f"| {size} | {step} | {_seconds(ours[step])} "
            f"| {_seconds(floor[step])} | {ours[step] / floor[step]:.1f}x |"
            for step in steps
        )
        lines.append(
            f"| {size} | corroborate every claim | "
            f"{_seconds(ours['corroborate_all'])} | | "
            f"{ours['corroborate_all'] / ours['build']:.2f}x build |"
        )
        lines.append(
            f"| {size} | memory (peak RSS growth) | {ours['memory_mb']:.0f} MB "
            f"| {floor['memory_mb']:.0f} MB "
            f"| {ours['memory_mb'] / max(floor['memory_mb'], 0.1):.1f}x |"
        )
        lines.append(
            f"| {size} | JSON size | {result['json_bytes'] / 1e6:.1f} MB "
            f"| {result['floor_json_bytes'] / 1e6:.1f} MB | |"
        )
    lines += [
        "",
        "| statements | where the time goes | time | / floor |",
        "|---:|---|---:|---:|",
    ]
    for result in results:
        ours, floor = result["claimtrack"], result["floor"]
        parts = result["anatomy"]
        size = f"{result['statements']:,}"
        for label, seconds, base in (
            ("floor: copy each row into a dict", floor["build"], "build"),
            (
                "call a do-nothing function with each row's keywords",
                parts["call_each"],
                "build",
            ),
            (
                "make each frozen record alone (its own checks, no set)",
                parts["make_each"],
                "build",
            ),
            ("claimtrack: build the set", ours["build"], "build"),
            ("floor: json.loads", floor["from_json"], "from_json"),
            (
                "json.loads refusing repeated keys",
                parts["strict_loads"],
                "from_json",
            ),
            ("claimtrack: from_json", ours["from_json"], "from_json"),
        ):
            lines.append(
                f"| {size} | {label} | {_seconds(seconds)} "
                f"| {seconds / floor[base]:.1f}x |"
            )
    with_prov = [r for r in results if r["prov"]]
    if with_prov:
        lines += [
            "",
            "| statements | step | prov | claimtrack | prov / claimtrack |",
            "|---:|---|---:|---:|---:|",
        ]
        for result in with_prov:
            size = f"{result['statements']:,}"
            for step, theirs_step, ours in (
                ("build", "build", "build"),
                ("dumps", "dumps", "to_json"),
                ("dumps, claimtrack compact", "dumps", "to_json_compact"),
                ("loads", "loads", "from_json"),
            ):
                theirs = result["prov"][theirs_step]
                mine = result["claimtrack"][ours]
                lines.append(
                    f"| {size} | {step} | {_seconds(theirs)} "
                    f"| {_seconds(mine)} | {theirs / mine:.1f}x |"
                )
    elif results:
        lines += [
            "",
            "(the prov comparison was not run)",
        ]
    if len(results) > 1:
        lines += [
            "",
            "| growth | " + " | ".join(steps) + " | corroborate every claim |",
            "|---|" + "---:|" * (len(steps) + 1),
        ]
        for before, after in itertools.pairwise(results):
            ours_before, ours_after = before["claimtrack"], after["claimtrack"]
            cells = [
                f"{ours_after[s] / ours_before[s]:.1f}x"
                for s in (*steps, "corroborate_all")
            ]
            span = f"{before['statements']:,} to {after['statements']:,}"
            lines.append(f"| {span} | " + " | ".join(cells) + " |")
            floor_before, floor_after = before["floor"], after["floor"]
            cells = [f"{floor_after[s] / floor_before[s]:.1f}x" for s in steps]
            lines.append(f"| {span}, floor | " + " | ".join(cells) + " | |")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        help="numbers of statements (default 10000 100000)",
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--json", metavar="OUT", help="also write the results as JSON"
    )
    parser.add_argument("--no-prov", action="store_true", help="skip prov")
    parser.add_argument("--memory-of", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_of:
        kind, claims = args.memory_of
        print(f"{measure_memory(kind, int(claims)):.3f}")
        return
    with_prov = not args.no_prov
    if with_prov:
        try:
            import prov  # noqa: F401, PLC0415
        except ImportError:
            print(
                "prov is not installed: skipping the prov comparison",
                file=sys.stderr,
            )
            with_prov = False
    results = [
        measure(size, args.repeat, with_prov=with_prov) for size in args.sizes
    ]
    machine = (
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"claimtrack {ct.__version__}"
    )
    print(f"{machine}; medians of {args.repeat} runs\n")
    print(report(results))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"machine": machine, "results": results}, indent=2)
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
