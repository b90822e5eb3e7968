# SPDX-License-Identifier: MIT
"""Loose values in ClaimReview as published: text, numbers, URLs, dates."""

from __future__ import annotations

import html
import math
import re

from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit


__all__ = [
    "claim_text_of",
    "first_of",
    "head_of",
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


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def prose_of(value: Any) -> str | None:
    """Text from a field that may hold HTML markup, on one line."""
    text = first_of(value)
    if not isinstance(text, str):
        return None
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return " ".join("".join(parser.parts).split()) or None


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
        number = float(value)
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
        return "https:" + text
    parts = urlsplit(text)
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
        return urljoin(base, text)
    return text


def is_absolute(url: str | None) -> bool:
    if url is None:
        return False
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc)


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
