# SPDX-License-Identifier: MIT
"""Loose values in ClaimReview as published: text, numbers, URLs, dates."""

from __future__ import annotations

import html
import math
import re

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import SplitResult, urljoin, urlsplit


__all__ = [
    "claim_text_of",
    "first_of",
    "head_of",
    "host_of",
    "is_absolute",
    "number_of",
    "prose_of",
    "repair_offset",
    "text_of",
    "types_of",
    "url_of",
]

T = TypeVar("T")


def types_of(node: Mapping[str, Any]) -> set[str]:
    """The node's ``@type`` values, lower case, without any prefix."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {
        re.split(r"[:/#]", value.strip())[-1].casefold()
        for value in values
        if isinstance(value, str)
    }


def first_of(value: Any) -> Any:
    """A list's first item that is not empty; anything else as it is."""
    if isinstance(value, list):
        return next((item for item in value if item not in ("", None)), None)
    return value


def head_of(items: Sequence[T]) -> T | None:
    return items[0] if items else None


def text_of(value: Any) -> str | None:
    """Text with HTML entities resolved and outer space removed."""
    value = first_of(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = html.unescape(value).strip()
    return text or None


_MARKUP_START = re.compile(r"<(?:[A-Za-z/?]|!)")
# Possessive, and each branch starts with its own character: a failed
# match costs one pass.
_START_TAG = re.compile(r"""<[A-Za-z](?:[^>"']++|"[^"]*+"|'[^']*+')*+>""")
_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]*)")
_RAW_TEXT = {
    tag: re.compile(f"</{tag}", re.IGNORECASE) for tag in ("script", "style")
}


def _markup_end(text: str, start: int) -> tuple[int, bool] | None:
    """
    Where the markup at *start* ends, and whether it is a start tag.

    None when it never ends: then no later markup can end either (each
    would need the same missing ``>`` or quote), so the rest is text.
    """
    if text.startswith("<!--", start):
        end = text.find("-->", start + 4)
        return None if end < 0 else (end + 3, False)
    if text[start + 1].isalpha():
        match = _START_TAG.match(text, start)
        return None if match is None else (match.end(), True)
    end = text.find(">", start)
    return None if end < 0 else (end + 1, False)


def _strip_markup(text: str) -> str:
    """
    *text* without its tags and comments, its entities resolved.

    A start tag leaves a space (``a<br>b`` is two words), anything else
    nothing; the content of ``script`` and ``style`` is kept as text.
    One pass, in time linear in *text*, whatever the markup: unlike
    `html.parser`, which rescans an unclosed tag at every ``<`` after
    it, and stops with an `AssertionError` at ``<![a]>``.
    """
    parts: list[str] = []
    position = 0
    while (found := _MARKUP_START.search(text, position)) is not None:
        start = found.start()
        ended = _markup_end(text, start)
        if ended is None:
            break
        end, opens = ended
        parts.append(html.unescape(text[position:start]))
        position = end
        if opens:
            parts.append(" ")
            name = _TAG_NAME.match(text, start, end)
            closing = _RAW_TEXT.get(name[1].lower()) if name else None
            if closing is not None:
                close = closing.search(text, end)
                position = len(text) if close is None else close.start()
                parts.append(text[end:position])
    parts.append(html.unescape(text[position:]))
    return "".join(parts)


def prose_of(value: Any) -> str | None:
    """Text from a field that may hold HTML markup, on one line."""
    text = first_of(value)
    if not isinstance(text, str):
        return None
    return " ".join(_strip_markup(text).split()) or None


def claim_text_of(value: Any) -> str | None:
    if isinstance(value, list):
        pieces = [text for item in value if (text := text_of(item))]
        return "; ".join(pieces) or None
    return text_of(value)


_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def number_of(value: Any) -> tuple[float | None, str | None]:
    """A rating number, and the text given instead of one (if any)."""
    value = first_of(value)
    if isinstance(value, bool):
        return None, None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float
            return None, None
        if not math.isfinite(number):
            return None, None
        return (int(value) if number.is_integer() else number), None
    text = text_of(value)
    if text is None:
        return None, None
    if not _NUMBER.fullmatch(text):
        return None, text
    number = float(text.replace(",", "."))
    if not math.isfinite(number):
        return None, text
    return (int(number) if number.is_integer() else number), None


_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?P<top>[a-z]{2,})(?::\d+)?"
    r"(?:[/?#].*)?",
    re.IGNORECASE | re.DOTALL,
)
_FILE_ENDINGS = frozenset(
    {"htm", "html", "php", "asp", "aspx", "jsp", "json", "xml", "pdf"}
)


def url_of(value: Any, base: str | None) -> str | None:
    """
    A URL made absolute where that can be done without guessing.

    ``//host/path`` takes ``https:``; ``host.tld/path`` (no scheme) takes
    ``https://``; a relative path is resolved against *base* when there
    is one, else kept as it is. Text with spaces is not a URL.
    """
    if isinstance(value, Mapping):
        value = value.get("@id") or value.get("url")
    text = text_of(value)
    if text is None or any(char.isspace() for char in text):
        return None
    if text.startswith("//"):
        text = "https:" + text
        return text if _split(text) is not None else None
    parts = _split(text)
    if parts is None:
        return None
    if parts.scheme and (
        parts.netloc or parts.scheme not in ("http", "https")
    ):
        return text
    host = _HOST.fullmatch(text)
    if (
        host is not None
        and not text.startswith(("/", "."))
        and host["top"].casefold() not in _FILE_ENDINGS
    ):
        return "https://" + text
    if base is not None and is_absolute(base):
        joined = urljoin(base, text)
        return joined if _split(joined) is not None else None
    return text


def _split(url: str) -> SplitResult | None:
    """*url*'s parts; None if it cannot be a URL (``http://[oops]/``)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - checked here, not when first used
    except ValueError:
        return None
    return parts


def host_of(url: str) -> str | None:
    """The host of *url*, if it has one and it can be read."""
    parts = _split(url)
    return None if parts is None else parts.hostname


def is_absolute(url: str | None) -> bool:
    if url is None:
        return False
    parts = _split(url)
    return parts is not None and bool(parts.scheme and parts.netloc)


_LOOSE_OFFSET = re.compile(
    r"(?P<time>\d{4}-\d{2}-\d{2}[T ][\d:.,]+?)\s*"
    r"(?P<sign>[+-])(?P<hours>\d{1,2})(?::(?P<minutes>\d{2}))?"
)


def repair_offset(text: str) -> str | None:
    """
    *text* with its UTC offset written as ISO 8601 wants, when that is safe.

    Publishers write ``+5:30`` for ``+05:30``, ``-3`` for ``-03:00``, or
    put a space before the offset. Such an offset has only one reading,
    so it is rewritten as ``+HH:MM``. None when *text* has no such offset,
    or an offset of 24 hours or more, or minutes of 60 or more.
    """
    match = _LOOSE_OFFSET.fullmatch(text.strip())
    if match is None:
        return None
    hours = int(match["hours"])
    minutes = int(match["minutes"] or 0)
    if hours >= 24 or minutes >= 60:
        return None
    return f"{match['time']}{match['sign']}{hours:02d}:{minutes:02d}"
