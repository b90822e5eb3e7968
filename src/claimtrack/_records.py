# SPDX-License-Identifier: MIT
"""The kinds of record a claim set holds, and how names are matched."""

from __future__ import annotations

import unicodedata

from claimtrack._claims import Claim
from claimtrack._documents import Document
from claimtrack._links import Link
from claimtrack._sources import Source
from claimtrack._statements import Statement


__all__ = ["KIND_NAMES", "Record", "fold"]

Record = Source | Document | Claim | Statement | Link
"""Any record a `ClaimSet` holds."""

KIND_NAMES: dict[type, str] = {
    Source: "source",
    Document: "document",
    Claim: "claim",
    Statement: "statement",
    Link: "link",
}
"""The word for each kind of record, as used in messages and JSON."""


def fold(text: str) -> str:
    """Fold *text* for matching: no case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())
