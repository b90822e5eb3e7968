# SPDX-License-Identifier: MIT
"""The one natural order of ids: ``c2`` before ``c10``."""

from __future__ import annotations

import re


__all__ = ["NaturalKey", "natural_key"]

NaturalKey = tuple[str | int, ...]
"""What `natural_key` returns (compare it only with another one)."""

_DIGITS = re.compile(r"([0-9]+)")
_TEXT_THEN_NUMBER = re.compile(r"([^0-9]*)([0-9]+)")
_END = -1
"""Ends the runs: less than any count of digits, so ``c`` before ``c1``."""


def natural_key(text: str) -> NaturalKey:
    """
    Sort key that puts ``c2`` before ``c10``.

    The text is cut into runs of ASCII digits and runs of anything else.
    Other runs compare as text; digit runs compare as numbers, but by
    (count of digits without leading zeros, those digits), so an id of
    thousands of digits sorts like any other and never goes through
    `int`. The id itself breaks ties (``c02`` before ``c2``), so two
    different ids never have one key.

    Args:
        text: An id.

    Returns:
        A key for `sorted`: text, then (count, digits) for each number
        and the text after it, then a mark less than any count, then the
        id. At each position text meets text and counts meet counts, so
        any two keys compare.
    """
    # The usual shape, a prefix and a number ("c10"), skips the split.
    if match := _TEXT_THEN_NUMBER.fullmatch(text):
        digits = match[2].lstrip("0")
        return (match[1], len(digits), digits, "", _END, text)
    key: list[str | int] = []
    for position, run in enumerate(_DIGITS.split(text)):
        if position % 2:
            digits = run.lstrip("0")
            key += (len(digits), digits)
        else:
            key.append(run)
    key += (_END, text)
    return tuple(key)
