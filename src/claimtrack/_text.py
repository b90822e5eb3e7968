# SPDX-License-Identifier: MIT
"""How text is matched: names, rating labels and ids, folded one way."""

from __future__ import annotations

import re
import unicodedata


__all__ = ["fold", "label_key", "slug"]


def _decomposed(text: str) -> str:
    """*text* case-folded, then split into letters and their accents."""
    return unicodedata.normalize("NFKD", text.casefold())


def fold(text: str) -> str:
    """Fold *text* for matching: no case, no accents, single spaces."""
    bare = "".join(
        c for c in _decomposed(text) if not unicodedata.combining(c)
    )
    return " ".join(bare.split())


def label_key(label: str) -> str:
    """
    The form in which rating labels are matched.

    Case, accents and punctuation are ignored and white space is
    collapsed, so ``"Falso."``, ``"FALSO"`` and ``" falso "`` match, as
    do ``"Half-true"`` and ``"half true"``.
    """
    kept = []
    for char in _decomposed(label):
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        kept.append(" " if category[0] in "PSZC" else char)
    return " ".join("".join(kept).split())


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str, length: int = 32) -> str:
    """
    *name* as a short id part: ASCII letters and digits joined by ``-``.

    Letters outside ASCII lose their accents, or are left out when they
    have no ASCII form; the result is cut to *length* characters.
    """
    ascii_only = (
        unicodedata.normalize("NFKD", name)
        .encode("ascii", "ignore")
        .decode()
        .casefold()
    )
    return _NOT_SLUG.sub("-", ascii_only).strip("-")[:length].strip("-")
