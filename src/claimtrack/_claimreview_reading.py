# SPDX-License-Identifier: MIT
"""Reading schema.org ClaimReview as real publishers write it: loosely."""

from __future__ import annotations

import re

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import attrs

from claimtrack._claimreview_values import (
    claim_text_of,
    first_of,
    head_of,
    host_of,
    is_absolute,
    number_of,
    prose_of,
    text_of,
    types_of,
    url_of,
)
from claimtrack._sources import identifier_key, uri_problem
from claimtrack.exceptions import ClaimReviewError


__all__ = [
    "Found",
    "Party",
    "Work",
    "claimreview_nodes",
    "find_reviews",
    "read_node",
    "review_nodes",
]

T = TypeVar("T")


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
        uri = url_of(raw, None)
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
            name = text_of(item)
            if name:
                found.append(Party(name, path=where))
            continue
        if not isinstance(item, Mapping):
            continue
        raw = item.get("name")
        names = list(raw) if isinstance(raw, list) else [raw]
        also = item.get("alternateName")
        names.extend(also if isinstance(also, list) else [also])
        texts = list(dict.fromkeys(t for n in names if (t := text_of(n))))
        if texts:
            identifiers, notes = _same_as(
                item.get("sameAs"), f"{where}.sameAs"
            )
            found.append(
                Party(
                    texts[0],
                    tuple(texts[1:]),
                    "person" in types_of(item),
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
            url = url_of(item.get("url") or item.get("@id"), base)
            title = text_of(item.get("headline")) or text_of(item.get("name"))
            date = item.get("datePublished")
        else:
            url, title, date = url_of(item, base), None, None
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
    raw = first_of(raw)
    if isinstance(raw, str):
        return text_of(raw), None, None, None
    if not isinstance(raw, Mapping):
        return None, None, None, None
    label = text_of(raw.get("alternateName")) or text_of(raw.get("name"))
    value, instead = number_of(raw.get("ratingValue"))
    best, _ = number_of(raw.get("bestRating"))
    worst, _ = number_of(raw.get("worstRating"))
    return label or instead, value, best, worst


def _host_party(url: str | None) -> Party | None:
    if not is_absolute(url):
        return None
    assert url is not None
    host = host_of(url) or ""
    host = host.removeprefix("www.")
    return Party(host) if host else None


def _read_claimreview(
    node: Mapping[str, Any], path: str, base: str | None
) -> Found:
    url = url_of(node.get("url"), base) or url_of(
        node.get("mainEntityOfPage"), base
    )
    inner = url if is_absolute(url) else base
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
    item = first_of(node.get("itemReviewed"))
    if not isinstance(item, Mapping):
        item = {}
    is_claim = "claim" in types_of(item)
    appearances = _works(item.get("appearance"), inner)
    firsts = _works(first_of(item.get("firstAppearance")), inner)
    own = _works(
        {
            "url": item.get("url"),
            "datePublished": None if is_claim else item.get("datePublished"),
            "name": None if is_claim else item.get("name"),
        },
        inner,
    )
    first = head_of(firsts or own)
    if firsts and own:
        appearances = [*own, *appearances]
    return Found(
        path=path,
        data=node,
        url=url,
        claim=claim_text_of(node.get("claimReviewed")),
        reviewer=reviewer,
        reviewer_note=note,
        label=label,
        value=value,
        best=best,
        worst=worst,
        date=node.get("datePublished"),
        title=text_of(node.get("headline"))
        or text_of(node.get("name"))
        or text_of(node.get("title")),
        summary=prose_of(node.get("description")),
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
        url = url_of(review.get("url"), base)
        publisher = review.get("publisher")
        reviewer = None
        if isinstance(publisher, Mapping):
            reviewer = head_of(_parties(publisher, f"{where}.publisher"))
            if reviewer is None and text_of(publisher.get("site")):
                reviewer = Party(str(text_of(publisher.get("site"))))
        yield Found(
            path=where,
            data=item,
            url=url,
            claim=claim_text_of(item.get("text")),
            reviewer=reviewer or _host_party(url),
            reviewer_note=None,
            label=text_of(review.get("textualRating")),
            value=None,
            best=None,
            worst=None,
            date=review.get("reviewDate"),
            title=text_of(review.get("title")),
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

    url = url_of(value("link"), base)
    return Found(
        path=path,
        data=binding,
        url=url,
        claim=text_of(value("text")),
        reviewer=head_of(_parties(value("source"), f"{path}.source"))
        or _host_party(url),
        reviewer_note=None,
        # ClaimsKG keeps only its normalised rating (TRUE, FALSE, MIXTURE,
        # OTHER); its "truthRating" is a code for it, not a scale.
        label=text_of(value("ratingName")),
        value=None,
        best=None,
        worst=None,
        date=value("date"),
        title=text_of(value("headline")),
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


_LEAVE = object()
"""Marks the end of a list's or object's search in `_walk`."""

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

    A list or object met again (Python data may share parts) is not
    searched again.

    Raises:
        ClaimReviewError: If a list or object contains itself, which
            parsed JSON never does.
    """
    stack: list[tuple[_Step, Any]] = [(None, data)]
    # The lists and objects being searched (the current one's parents),
    # and those searched to the end.
    inside: dict[int, _Step] = {}
    done: set[int] = set()
    while stack:
        step, node = stack.pop()
        if node is _LEAVE:
            assert step is not None
            done.add(id(step[0]))
            del inside[id(step[0])]
            continue
        if id(node) in inside:
            raise ClaimReviewError(
                _path(step),
                f"this list or object is also at {_path(inside[id(node)])}"
                ", which holds it: the data contains itself",
            )
        if id(node) in done:
            continue
        inside[id(node)] = step
        stack.append(((node, ""), _LEAVE))
        if isinstance(node, list):
            stack.extend(
                ((step, f"[{i}]"), item)
                for i, item in reversed(list(enumerate(node)))
                if isinstance(item, (list, Mapping))
            )
        elif isinstance(node, Mapping):
            if "claimreview" in types_of(node):
                yield _path(step), node, "claimreview"
            elif "claimReview" in node and not types_of(node):
                yield _path(step), node, "api"
            elif _is_binding(node):
                yield _path(step), node, "claimskg"
            else:
                stack.extend(
                    ((step, _key(key)), value)
                    for key, value in reversed(list(node.items()))
                    if isinstance(value, (list, Mapping))
                )


def review_nodes(data: Any) -> Iterator[tuple[str, Mapping[str, Any], str]]:
    """
    Every review node in *data*: its JSON path, itself, and its kind.

    Read each with `read_node`, which may fail on one node alone.

    Raises:
        ClaimReviewError: If *data* contains itself.
    """
    return _walk(data)


def read_node(
    path: str, node: Mapping[str, Any], kind: str, base: str | None
) -> list[Found]:
    """The reviews in one node `review_nodes` found (an API item: many)."""
    if kind == "claimreview":
        return [_read_claimreview(node, path, base)]
    if kind == "api":
        return list(_read_fact_check_api(node, path, base))
    return [_read_claimskg(node, path, base)]


def find_reviews(data: Any, base: str | None) -> Iterator[Found]:
    """Every review in *data*, in document order, without recursion."""
    for path, node, kind in _walk(data):
        yield from read_node(path, node, kind, base)


def claimreview_nodes(data: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every schema.org ClaimReview object in *data*, with its JSON path."""
    for path, node, kind in _walk(data):
        if kind == "claimreview":
            yield path, node
