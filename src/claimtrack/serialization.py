# SPDX-License-Identifier: MIT
"""
The claimtrack JSON format: load, save, dump and describe claim sets.

The cattrs converter (`make_converter`, `configure_converter`) is the
format's one way between records and JSON values; the schema it ships
(`schema`) describes what it reads and writes.
"""

from __future__ import annotations

import json
import os

from importlib import resources
from typing import Any

from claimtrack._claimset import ClaimSet
from claimtrack._converter import configure_converter, make_converter
from claimtrack._json_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    RECORD_LISTS,
)
from claimtrack._json_writer import to_document
from claimtrack._report import CorroborationReport


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "RECORD_LISTS",
    "configure_converter",
    "dumps",
    "load",
    "loads",
    "make_converter",
    "report_to_json",
    "save",
    "schema",
    "to_document",
]


def dumps(claim_set: ClaimSet, *, indent: int | None = 2) -> str:
    """
    The claim set as claimtrack JSON text; the same set, the same text.

    See `ClaimSet.to_json`: *indent* None writes the compact layout.
    """
    return claim_set.to_json(indent=indent)


def save(
    claim_set: ClaimSet,
    path: str | os.PathLike[str],
    *,
    lock: bool = False,
    indent: int | None = 2,
) -> None:
    """
    Write the claim set to *path* atomically.

    The text goes to a temporary file in the target's folder, which is
    flushed and synced to disk, then renamed over the target. If anything
    fails, the temporary file is removed and whatever was there is
    untouched. `ClaimSet.save` says more, *lock* and *indent* included.
    """
    claim_set.save(path, lock=lock, indent=indent)


def report_to_json(report: CorroborationReport) -> dict[str, object]:
    """One report as the JSON the ``claimtrack report`` command writes."""
    return {
        "claim": report.claim,
        "status": report.status.value,
        "corroborated": report.corroborated,
        "asserting_groups": [
            sorted(g.sources) for g in report.asserting_groups
        ],
        "denying_groups": [sorted(g.sources) for g in report.denying_groups],
        "naive_source_count": report.naive_source_count,
        "credibility": report.credibility,
        "report_codes": dict(sorted(report.report_codes.items())),
        "reason": report.reason,
        "suspicions": [s.to_json() for s in report.suspicions],
        "groups_if_suspicions_hold": (
            None
            if report.groups_if_suspicions_hold is None
            else list(report.groups_if_suspicions_hold)
        ),
    }


def loads(text: str | bytes) -> ClaimSet:
    """Load a claim set from claimtrack JSON text; see `ClaimSet.from_json`."""
    return ClaimSet.from_json(text)


def load(path: str | os.PathLike[str]) -> ClaimSet:
    """Load a claim set from a claimtrack JSON file; see `ClaimSet.load`."""
    return ClaimSet.load(path)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the claimtrack format."""
    text = (
        resources.files("claimtrack")
        .joinpath("claimtrack.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result
