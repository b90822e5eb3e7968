# SPDX-License-Identifier: MIT
"""Dated links above a source, and classes of dates that see them alike."""

from __future__ import annotations

import bisect
import datetime as dt

from collections.abc import Iterable, Iterator, Sequence

from claimtrack._affiliations import AffiliationGraph
from claimtrack._dates import PartialDate, Precision, first_day, last_day
from claimtrack._links import Link


__all__ = ["date_classes", "dated_links_above", "links_above"]


def date_classes(
    links: Sequence[Link], dates: Sequence[PartialDate | None]
) -> list[object]:
    """
    A class for each of *dates*: dates of one class see *links* alike.

    Two dates of one class see each link hold, or not, alike (two dates
    of different classes may too). For a date of day precision, whether
    a link holds depends only on where the day lies against each bound's
    first and last day: before, on, between or after them. So the class
    of such a day is its place among all those days, found by bisection:
    log D for D dated links, where testing every link costs D. Any other
    date (none, a year, a month, a time) has the class of whether each
    link holds then, worked out once per date.
    """
    intervals = list(
        {(link.valid_from, link.valid_to): link for link in links}.values()
    )
    bounds: set[dt.date] = set()
    for link in intervals:
        for bound in (link.valid_from, link.valid_to):
            if bound is not None:
                bounds.update((first_day(bound), last_day(bound)))
    days = sorted(bounds)
    known: dict[PartialDate | None, object] = {}
    classes: list[object] = []
    for when in dates:
        found = known.get(when)
        if found is None:
            if when is not None and when.precision is Precision.DAY:
                day = when.value
                if day in bounds:
                    found = ("on", day)
                else:
                    found = ("between", bisect.bisect(days, day))
            else:
                found = tuple([link.holds_at(when) for link in intervals])
            known[when] = found
        classes.append(found)
    return classes


def dated_links_above(
    graph: AffiliationGraph, source: str
) -> tuple[Link, ...]:
    """
    Every dated link met going up from *source* over any relation.

    A closure of *source* depends on its date only through whether these
    links hold then: two dates at which each holds alike give one closure.
    """
    return tuple(
        link
        for _, link, _ in links_above(graph, [graph.canonical_source(source)])
        if link.is_dated
    )


def links_above(
    graph: AffiliationGraph, roots: Iterable[str]
) -> Iterator[tuple[str, Link, str]]:
    """
    Every link met going up from *roots* over any relation, breadth first.

    *roots* are canonical ids. Each link comes with the canonical ids of
    the node it leaves and the node it reaches; each node's links come
    once, whatever the dates.
    """
    seen = dict.fromkeys(roots)
    queue = list(seen)
    position = 0
    while position < len(queue):
        node = queue[position]
        position += 1
        for link in graph.links_from(node):
            target = graph.canonical_source(link.object)
            yield node, link, target
            if target not in seen:
                seen[target] = None
                queue.append(target)
