# SPDX-License-Identifier: MIT
"""Reading schema.org ClaimReview as real publishers write it: loosely."""

from __future__ import annotations

import html
import math
import re

from collections.abc import Iterator, Mapping, Sequence
from html.parser import HTMLParser
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import attrs

from claimtrack._sources import identifier_key, uri_problem


__all__ = [
    "Found",
    "Party",
    "Work",
    "claimreview_nodes",
    "find_reviews",
    "repair_offset",
]

T = TypeVar("T")


def _types(node: Mapping[str, Any]) -> set[str]:
    """The node's ``@type`` values, lower case, without any prefix."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {
        re.split(r"[:/#]", value.strip())[-1].casefold()
        for value in values
        if isinstance(value, str)
    }


def _first(value: Any) -> Any:
    """A list's first item that is not empty; anything else as it is."""
    if isinstance(value, list):
        return next((item for item in value if item not in ("", None)), None)
    return value


def _head(items: Sequence[T]) -> T | None:
    return items[0] if items else None


def _text(value: Any) -> str | None:
    """Text with HTML entities resolved and outer space removed."""
    value = _first(value)
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


def _prose(value: Any) -> str | None:
    """Text from a field that may hold HTML markup, on one line."""
    text = _first(value)
    if not isinstance(text, str):
        return None
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return " ".join("".join(parser.parts).split()) or None


def _claim_text(value: Any) -> str | None:
    if isinstance(value, list):
        pieces = [text for item in value if (text := _text(item))]
        return "; ".join(pieces) or None
    return _text(value)


_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def _number(value: Any) -> tuple[float | None, str | None]:
    """A rating number, and the text given instead of one (if any)."""
    value = _first(value)
    if isinstance(value, bool):
        return None, None
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            return None, None
        return (int(value) if number.is_integer() else number), None
    text = _text(value)
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


def _url(value: Any, base: str | None) -> str | None:
    """
    A URL made absolute where that can be done without guessing.

    ``//host/path`` takes ``https:``; ``host.tld/path`` (no scheme) takes
    ``https://``; a relative path is resolved against *base* when there
    is one, else kept as it is. Text with spaces is not a URL.
    """
    if isinstance(value, Mapping):
        value = value.get("@id") or value.get("url")
    text = _text(value)
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
    if base is not None and _is_absolute(base):
        return urljoin(base, text)
    return text


def _is_absolute(url: str | None) -> bool:
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


@attrs.frozen
class Party:
    """
    A person or organisation named in the data.

    Its identifiers are the absolute URIs of its ``sameAs``, in order and
    without repeats; *notes* name the ``sameAs`` values left out; *path*
    is where it is in the data.
    """

    name: str
    aliases: tuple[str, ...] = ()
    person: bool = False
    identifiers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    path: str = "$"


def _same_as(value: Any, path: str) -> tuple[tuple[str, ...], list[str]]:
    """The identifiers in a ``sameAs`` value, and notes on what is not."""
    items = value if isinstance(value, list) else [value]
    found: dict[str, str] = {}
    notes = []
    for index, item in enumerate(items):
        where = f"{path}[{index}]" if isinstance(value, list) else path
        raw = (
            item.get("@id") or item.get("url")
            if isinstance(item, Mapping)
            else item
        )
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        # A URL without a scheme ("twitter.com/x") is read as https, as
        # everywhere else in the data; anything else must be a URI.
        uri = _url(raw, None)
        if uri is None or uri_problem(uri) is not None:
            notes.append(f"{where}: {raw!r} is not an absolute URI; left out")
            continue
        key = identifier_key(uri)
        assert key is not None
        found.setdefault(key, uri)
    return tuple(found.values()), notes


def _parties(value: Any, path: str) -> list[Party]:
    """Every named party in an ``author``-like value at *path*."""
    items = value if isinstance(value, list) else [value]
    found = []
    for index, item in enumerate(items):
        where = f"{path}[{index}]" if isinstance(value, list) else path
        if isinstance(item, str):
            name = _text(item)
            if name:
                found.append(Party(name, path=where))
            continue
        if not isinstance(item, Mapping):
            continue
        raw = item.get("name")
        names = list(raw) if isinstance(raw, list) else [raw]
        also = item.get("alternateName")
        names.extend(also if isinstance(also, list) else [also])
        texts = list(dict.fromkeys(t for n in names if (t := _text(n))))
        if texts:
            identifiers, notes = _same_as(
                item.get("sameAs"), f"{where}.sameAs"
            )
            found.append(
                Party(
                    texts[0],
                    tuple(texts[1:]),
                    "person" in _types(item),
                    identifiers,
                    tuple(notes),
                    where,
                )
            )
    return found


@attrs.frozen
class Work:
    """A creative work in which the claim appears."""

    url: str
    date: Any = None
    title: str | None = None


def _works(value: Any, base: str | None) -> list[Work]:
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        if isinstance(item, Mapping):
            url = _url(item.get("url") or item.get("@id"), base)
            title = _text(item.get("headline")) or _text(item.get("name"))
            date = item.get("datePublished")
        else:
            url, title, date = _url(item, base), None, None
        if url is not None:
            found.append(Work(url, date, title))
    return found


@attrs.frozen
class Found:
    """One review as read from the data, before any record is made."""

    path: str
    data: Any
    url: str | None
    claim: str | None
    reviewer: Party | None
    reviewer_note: str | None
    label: str | None
    value: float | None
    best: float | None
    worst: float | None
    date: Any
    title: str | None
    summary: str | None
    claimants: list[Party]
    claim_date: Any
    first: Work | None
    appearances: list[Work]


def _rating_of(raw: Any) -> tuple[str | None, float | None, Any, Any]:
    raw = _first(raw)
    if isinstance(raw, str):
        return _text(raw), None, None, None
    if not isinstance(raw, Mapping):
        return None, None, None, None
    label = _text(raw.get("alternateName")) or _text(raw.get("name"))
    value, instead = _number(raw.get("ratingValue"))
    best, _ = _number(raw.get("bestRating"))
    worst, _ = _number(raw.get("worstRating"))
    return label or instead, value, best, worst


def _host_party(url: str | None) -> Party | None:
    if not _is_absolute(url):
        return None
    assert url is not None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return Party(host) if host else None


def _read_claimreview(
    node: Mapping[str, Any], path: str, base: str | None
) -> Found:
    url = _url(node.get("url"), base) or _url(
        node.get("mainEntityOfPage"), base
    )
    inner = url if _is_absolute(url) else base
    label, value, best, worst = _rating_of(node.get("reviewRating"))
    reviewer, note = None, None
    for field in ("author", "publisher"):
        parties = _parties(node.get(field), f"{path}.{field}")
        if parties:
            reviewer = parties[0]
            if field != "author":
                note = f"{path}.author: none; the reviewer is the {field}"
            break
    if reviewer is None:
        reviewer = _host_party(url)
        if reviewer is not None:
            note = f"{path}.author: none; the reviewer is the url's host"
    item = _first(node.get("itemReviewed"))
    if not isinstance(item, Mapping):
        item = {}
    is_claim = "claim" in _types(item)
    appearances = _works(item.get("appearance"), inner)
    firsts = _works(_first(item.get("firstAppearance")), inner)
    own = _works(
        {
            "url": item.get("url"),
            "datePublished": None if is_claim else item.get("datePublished"),
            "name": None if is_claim else item.get("name"),
        },
        inner,
    )
    first = _head(firsts or own)
    if firsts and own:
        appearances = [*own, *appearances]
    return Found(
        path=path,
        data=node,
        url=url,
        claim=_claim_text(node.get("claimReviewed")),
        reviewer=reviewer,
        reviewer_note=note,
        label=label,
        value=value,
        best=best,
        worst=worst,
        date=node.get("datePublished"),
        title=_text(node.get("headline"))
        or _text(node.get("name"))
        or _text(node.get("title")),
        summary=_prose(node.get("description")),
        claimants=_parties(item.get("author"), f"{path}.itemReviewed.author"),
        claim_date=item.get("datePublished"),
        first=first,
        appearances=appearances,
    )


def _read_fact_check_api(
    item: Mapping[str, Any], path: str, base: str | None
) -> Iterator[Found]:
    """The reviews of one Google Fact Check Tools API ``claims`` item."""
    reviews = item.get("claimReview")
    entries = reviews if isinstance(reviews, list) else [reviews]
    for index, entry in enumerate(entries):
        where = f"{path}.claimReview[{index}]"
        review = entry if isinstance(entry, Mapping) else {}
        url = _url(review.get("url"), base)
        publisher = review.get("publisher")
        reviewer = None
        if isinstance(publisher, Mapping):
            reviewer = _head(_parties(publisher, f"{where}.publisher"))
            if reviewer is None and _text(publisher.get("site")):
                reviewer = Party(str(_text(publisher.get("site"))))
        yield Found(
            path=where,
            data=item,
            url=url,
            claim=_claim_text(item.get("text")),
            reviewer=reviewer or _host_party(url),
            reviewer_note=None,
            label=_text(review.get("textualRating")),
            value=None,
            best=None,
            worst=None,
            date=review.get("reviewDate"),
            title=_text(review.get("title")),
            summary=None,
            claimants=_parties(item.get("claimant"), f"{path}.claimant"),
            claim_date=item.get("claimDate"),
            first=None,
            appearances=[],
        )


def _read_claimskg(
    binding: Mapping[str, Any], path: str, base: str | None
) -> Found:
    """A ClaimsKG SPARQL result binding: ``{"text": {"value": ...}}``."""

    def value(key: str) -> Any:
        cell = binding.get(key)
        return cell.get("value") if isinstance(cell, Mapping) else None

    url = _url(value("link"), base)
    return Found(
        path=path,
        data=binding,
        url=url,
        claim=_text(value("text")),
        reviewer=_head(_parties(value("source"), f"{path}.source"))
        or _host_party(url),
        reviewer_note=None,
        # ClaimsKG keeps only its normalised rating (TRUE, FALSE, MIXTURE,
        # OTHER); its "truthRating" is a code for it, not a scale.
        label=_text(value("ratingName")),
        value=None,
        best=None,
        worst=None,
        date=value("date"),
        title=_text(value("headline")),
        summary=None,
        claimants=_parties(value("author"), f"{path}.author"),
        claim_date=None,
        first=None,
        appearances=[],
    )


def _is_binding(node: Mapping[str, Any]) -> bool:
    text = node.get("text")
    return (
        isinstance(text, Mapping)
        and "value" in text
        and any(key in node for key in ("ratingName", "truthRating"))
    )


def _key(key: object) -> str:
    if isinstance(key, str) and re.fullmatch(r"@?[A-Za-z_]\w*", key):
        return f".{key}"
    return f"[{key!r}]"


_Step = tuple[Any, str] | None
"""A path as a chain of (parent step, piece), built only when needed."""


def _path(step: _Step) -> str:
    pieces = []
    while step is not None:
        step, piece = step
        pieces.append(piece)
    return "$" + "".join(reversed(pieces))


def _walk(data: Any) -> Iterator[tuple[str, Mapping[str, Any], str]]:
    """
    Every review node in *data* with its JSON path and its kind.

    The kind is ``"claimreview"`` (schema.org markup), ``"api"`` (a Fact
    Check Tools API claim) or ``"claimskg"`` (a ClaimsKG binding). Nodes
    come in document order; nothing inside a review node is searched, and
    nothing recurses.
    """
    stack: list[tuple[_Step, Any]] = [(None, data)]
    while stack:
        step, node = stack.pop()
        if isinstance(node, list):
            stack.extend(
                ((step, f"[{i}]"), item)
                for i, item in reversed(list(enumerate(node)))
                if isinstance(item, (list, Mapping))
            )
        elif isinstance(node, Mapping):
            if "claimreview" in _types(node):
                yield _path(step), node, "claimreview"
            elif "claimReview" in node and not _types(node):
                yield _path(step), node, "api"
            elif _is_binding(node):
                yield _path(step), node, "claimskg"
            else:
                stack.extend(
                    ((step, _key(key)), value)
                    for key, value in reversed(list(node.items()))
                    if isinstance(value, (list, Mapping))
                )


def find_reviews(data: Any, base: str | None) -> Iterator[Found]:
    """Every review in *data*, in document order, without recursion."""
    for path, node, kind in _walk(data):
        if kind == "claimreview":
            yield _read_claimreview(node, path, base)
        elif kind == "api":
            yield from _read_fact_check_api(node, path, base)
        else:
            yield _read_claimskg(node, path, base)


def claimreview_nodes(data: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every schema.org ClaimReview object in *data*, with its JSON path."""
    for path, node, kind in _walk(data):
        if kind == "claimreview":
            yield path, node
