# SPDX-License-Identifier: MIT
"""Affiliation closures: everything a source answers to, belongs to, copies."""

from __future__ import annotations

import enum

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import attrs

from claimtrack._dates import PartialDate, Precision, last_day
from claimtrack._graphs import shortest_path, strongly_connected
from claimtrack._links import CONTROL_RELATIONS, Link, Relation
from claimtrack._policy import CorroborationPolicy


__all__ = [
    "AffiliationGraph",
    "Closure",
    "Independence",
    "Tie",
    "compute_closure",
    "controlled_by",
    "find_affiliation_cycle",
    "independence",
    "same_source",
    "strong_components",
    "tied",
]


class AffiliationGraph(Protocol):
    """What a closure needs to know about the links between sources."""

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""

    def links_from(self, canonical: str) -> Sequence[Link]:
        """Affiliation links from any member of a ``same_as`` class."""


Step = tuple[str, Link]
"""How a node was reached: the node before it and the link followed."""


@attrs.frozen
class Closure:
    """
    The affiliations of one source at one date, with how each was reached.

    Attributes:
        root: The canonical id of the source.
        control: Itself and everything above it over control links.
        belongs: Organisations it belongs to (association links from any
            control ancestor), closed upward, minus *control*.
        copies: Sources it copies from, with their control ancestors.
    """

    root: str
    control: dict[str, Step | None]
    belongs: dict[str, Step]
    copies: dict[str, Step]

    def links_to(self, node: str, table: str = "control") -> list[Link]:
        """
        The links from the root up to *node*, in order.

        Args:
            node: A node of the closure.
            table: Which part *node* was met in: ``"control"``,
                ``"belongs"`` or ``"copies"`` (a node can be in the
                last two at once, reached by different links).
        """
        tables: dict[str, Mapping[str, Step | None]] = {
            "control": self.control,
            "belongs": self.belongs,
            "copies": self.copies,
        }
        links: list[Link] = []
        steps = tables[table]
        while node != self.root:
            step = steps[node] if node in steps else self.control[node]
            assert step is not None
            node, link = step
            links.append(link)
            if node in self.control:
                steps = self.control
        links.reverse()
        return links


def _upward(
    graph: AffiliationGraph,
    seeds: Iterable[Step],
    follow: frozenset[Relation],
    seen: dict[str, Step | None],
    when: PartialDate | None,
    found: dict[str, Step],
    ignored: Callable[[Link], bool] = lambda link: False,
) -> None:
    """Breadth-first from *seeds* over *follow*, into *found*."""
    queue: list[str] = []
    for node, link in seeds:
        target = graph.canonical_source(link.object)
        if target not in seen and target not in found:
            found[target] = (node, link)
            queue.append(target)
    position = 0
    while position < len(queue):
        node = queue[position]
        position += 1
        for link in graph.links_from(node):
            if (
                link.relation not in follow
                or not link.holds_at(when)
                or ignored(link)
            ):
                continue
            target = graph.canonical_source(link.object)
            if target not in seen and target not in found:
                found[target] = (node, link)
                queue.append(target)


def compute_closure(
    graph: AffiliationGraph,
    source: str,
    when: PartialDate | None,
    policy: CorroborationPolicy,
) -> Closure:
    """Compute the `Closure` of *source* at *when* under *policy*."""
    root = graph.canonical_source(source)
    one_voice = {graph.canonical_source(org) for org in policy.one_voice}
    arms_length = {graph.canonical_source(org) for org in policy.arms_length}

    def at_arms_length(link: Link) -> bool:
        return (
            link.relation in policy.association
            and graph.canonical_source(link.object) in arms_length
        )

    control: dict[str, Step | None] = {root: None}
    queue = [root]
    association_steps: list[Step] = []
    copy_steps: list[Step] = []
    position = 0
    while position < len(queue):
        node = queue[position]
        position += 1
        for link in graph.links_from(node):
            relation = link.relation
            if relation in policy.association:
                if at_arms_length(link):
                    continue
                if graph.canonical_source(link.object) not in one_voice:
                    if link.holds_at(when):
                        association_steps.append((node, link))
                    continue
            elif relation in policy.copying:
                if link.holds_at(when):
                    copy_steps.append((node, link))
                continue
            elif relation not in policy.control:
                continue
            if not link.holds_at(when):
                continue
            target = graph.canonical_source(link.object)
            if target not in control:
                control[target] = (node, link)
                queue.append(target)
    belongs: dict[str, Step] = {}
    copies: dict[str, Step] = {}
    _upward(
        graph,
        association_steps,
        policy.affiliations,
        control,
        when,
        belongs,
        at_arms_length,
    )
    _upward(graph, copy_steps, policy.control, control, when, copies)
    return Closure(root, control, belongs, copies)


class Tie(enum.StrEnum):
    """Why two sources are not independent of each other."""

    SAME_SOURCE = "same_source"
    """They are one source (the same record or linked ``same_as``)."""
    COMMON_CONTROL = "common_control"
    """They answer to a common authority or owner."""
    MEMBERSHIP = "membership"
    """One belongs to (or is funded by) something the other answers to."""
    COPYING = "copying"
    """One copies from something the other answers to."""
    INDEPENDENT = "independent"
    """Nothing ties them."""


@attrs.frozen
class Independence:
    """
    Whether two sources are independent, and if not, the path that ties them.

    It is truthy when they are independent. When they are not, *path*
    runs from *a* to *b* through the sources that tie them, and *links*
    are the affiliation links along it, with their dates.

    Attributes:
        a: The first source.
        b: The second source.
        tie: Why they are dependent, or `Tie.INDEPENDENT`.
        path: Source ids from *a* to *b*; empty when independent.
        links: The links along *path*.
    """

    a: str
    b: str
    tie: Tie
    path: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    def __bool__(self) -> bool:
        return self.tie is Tie.INDEPENDENT

    @property
    def independent(self) -> bool:
        """Whether nothing ties the two sources."""
        return self.tie is Tie.INDEPENDENT

    def describe(self, name: Callable[[str], str] = str) -> str:
        """
        Say in words why the two sources are (in)dependent.

        Args:
            name: Turns a source id into the text to show for it.
        """
        if self.tie is Tie.INDEPENDENT:
            return f"{name(self.a)} and {name(self.b)} are independent"
        if self.tie is Tie.SAME_SOURCE:
            return f"{name(self.a)} and {name(self.b)} are the same source"
        steps = "; ".join(_describe_link(link, name) for link in self.links)
        return f"{name(self.a)} and {name(self.b)} are tied: {steps}"


def _describe_link(link: Link, name: Callable[[str], str]) -> str:
    text = f"{name(link.subject)} {link.relation.value} {name(link.object)}"
    if link.valid_from is not None and link.valid_to is not None:
        return f"{text} ({link.valid_from} to {link.valid_to})"
    if link.valid_from is not None:
        return f"{text} (since {link.valid_from})"
    if link.valid_to is not None:
        return f"{text} (until {link.valid_to})"
    return text


def _path(
    a: str, up: Sequence[Link], down: Sequence[Link], b: str
) -> tuple[str, ...]:
    nodes = [a]
    for link in up:
        if link.subject != nodes[-1]:
            nodes.append(link.subject)
        nodes.append(link.object)
    for link in reversed(down):
        if link.object != nodes[-1]:
            nodes.append(link.object)
        nodes.append(link.subject)
    if nodes[-1] != b:
        nodes.append(b)
    return tuple(nodes)


def independence(
    a: str, closure_a: Closure, b: str, closure_b: Closure
) -> Independence:
    """Test two sources, given their closures, and explain the answer."""
    if closure_a.root == closure_b.root:
        return same_source(a, b)
    meeting = _meet(closure_a, closure_b)
    if meeting is None:
        return Independence(a, b, Tie.INDEPENDENT)
    node, tie, table_a, table_b = meeting
    up = closure_a.links_to(node, table_a)
    down = closure_b.links_to(node, table_b)
    return tied(a, up, b, down, tie)


def same_source(a: str, b: str) -> Independence:
    """The tie of two ids of one source."""
    return Independence(a, b, Tie.SAME_SOURCE, (a,) if a == b else (a, b))


def tied(
    a: str, up: Sequence[Link], b: str, down: Sequence[Link], tie: Tie
) -> Independence:
    """*a* and *b* tied by *tie*: links up from each to where they meet."""
    return Independence(
        a, b, tie, _path(a, up, down, b), (*up, *reversed(down))
    )


_MEETINGS = (
    ("control", "control", Tie.COMMON_CONTROL),
    ("belongs", "control", Tie.MEMBERSHIP),
    ("control", "belongs", Tie.MEMBERSHIP),
    ("copies", "control", Tie.COPYING),
    ("control", "copies", Tie.COPYING),
)
"""Where two closures can meet, in the order ties are preferred."""


def _meet(
    closure_a: Closure, closure_b: Closure
) -> tuple[str, Tie, str, str] | None:
    """Where two closures meet: the node, the tie, and each side's table."""
    for mine, theirs, tie in _MEETINGS:
        other = getattr(closure_b, theirs)
        for node in getattr(closure_a, mine):
            if node in other:
                return node, tie, mine, theirs
    return None


def find_affiliation_cycle(
    graph: AffiliationGraph,
    new: Link,
    hierarchical: frozenset[Relation],
) -> list[Link] | None:
    """
    Find links that close a cycle through *new*, all holding at one time.

    *new* must already be visible in *graph*. Intervals on a line that
    overlap pairwise share a point, and the latest start of a set of
    overlapping intervals lies in all of them, so it is enough to test
    the instants at which some link on a candidate cycle has certainly
    started (for an imprecise start, its last day). Only certain overlaps
    count: imprecise dates never make a false cycle.
    """
    start, goal = (
        graph.canonical_source(new.object),
        graph.canonical_source(new.subject),
    )
    if start == goal:
        return [new]
    starts: list[PartialDate | None] = [new.valid_from]

    def anytime(link: Link) -> bool:
        if link.relation not in hierarchical or link.id == new.id:
            return False
        starts.append(link.valid_from)
        return True

    # First, ignoring time: is the subject reachable from the object at all?
    anyway = _shortest_path(graph, start, goal, anytime)
    if anyway is None:
        return None
    # Most often that shortest cycle holds at one time itself: at the
    # latest start of its links (all of a ring, say). Else look further.
    if _holds_together([new, *anyway]):
        return [new, *anyway]
    # An imprecise start ("2021") has certainly passed on its last day.
    instants = [*starts, *(_last(d) for d in starts if d is not None)]
    chosen = [i for i in instants if _holds_certainly(new, i)]
    for instant in dict.fromkeys(chosen):

        def then(link: Link, instant: PartialDate | None = instant) -> bool:
            return (
                link.relation in hierarchical
                and link.id != new.id
                and _holds_certainly(link, instant)
            )

        path = _shortest_path(graph, start, goal, then)
        if path is not None:
            return [new, *path]
    return None


def _holds_together(links: list[Link]) -> bool:
    """Whether *links* certainly all hold at the latest of their starts."""
    starts = [link.valid_from for link in links if link.valid_from]
    if not starts:
        return all(_holds_certainly(link, None) for link in links)
    latest = max(starts, key=lambda date: (last_day(date), date.precision))
    return any(
        all(_holds_certainly(link, instant) for link in links)
        for instant in (latest, _last(latest))
    )


def _last(date: PartialDate) -> PartialDate:
    if date.precision is Precision.TIME:
        return date
    return PartialDate(last_day(date), Precision.DAY)


def _holds_certainly(link: Link, instant: PartialDate | None) -> bool:
    # None stands for the unbounded past: only links with no start hold.
    if instant is None:
        return link.valid_from is None
    return link.holds_at(instant, certain=True)


def controlled_by(
    graph: AffiliationGraph,
    source: str,
    ancestor: str,
    when: PartialDate | None,
) -> bool:
    """
    Whether *ancestor* is above *source* over control links holding *when*.

    Both are canonical ids. A link whose validity at *when* cannot be
    decided (imprecise dates) counts as holding.
    """
    if source == ancestor:
        return True
    path = _shortest_path(
        graph,
        source,
        ancestor,
        lambda link: (
            link.relation in CONTROL_RELATIONS and link.holds_at(when)
        ),
    )
    return path is not None


def _shortest_path(
    graph: AffiliationGraph,
    start: str,
    goal: str,
    follow: Callable[[Link], bool],
) -> list[Link] | None:
    """The shortest path of links that *follow* accepts, or None."""
    return shortest_path(
        start,
        goal,
        lambda node: [
            (graph.canonical_source(link.object), link)
            for link in graph.links_from(node)
            if follow(link)
        ],
    )


def strong_components(
    graph: AffiliationGraph,
    starts: Iterable[str],
    follow: Callable[[Link], bool],
) -> dict[str, int]:
    """
    The strongly connected component of every node reachable from *starts*.

    Over the links *follow* accepts; two nodes share a number exactly when
    each reaches the other.
    """
    return strongly_connected(
        starts,
        lambda node: [
            graph.canonical_source(link.object)
            for link in graph.links_from(node)
            if follow(link)
        ],
    )
