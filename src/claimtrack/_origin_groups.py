# SPDX-License-Identifier: MIT
"""Grouping many origins by one shared upward walk, with a tree of ties."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from claimtrack._affiliations import Independence, Tie, same_source, tied
from claimtrack._dates import PartialDate
from claimtrack._graphs import longest_path_layers
from claimtrack._links import Link
from claimtrack._policy import CorroborationPolicy


__all__ = ["GroupingGraph", "group_origins"]


class GroupingGraph(Protocol):
    """What grouping reads of the links between sources."""

    def canonical_source(self, source: str) -> str:
        """The representative of *source*'s ``same_as`` class."""

    def links_from(self, canonical: str) -> Sequence[Link]:
        """Affiliation links from any member of a ``same_as`` class."""


_BELONGS, _COPIES = 1, 2
State = tuple[str, object]
"""A node reached over control links, and the class of dates it is for."""
Back = tuple["State | str", Link]
"""How a membership or copying walk reached a node: from where, by what."""


class _After:
    """The link from a control state to a state another walk had seen."""

    __slots__ = ("link", "state")

    def __init__(self, state: State, link: Link) -> None:
        self.state, self.link = state, link


class _Along:
    """A node of one origin's membership or copying walk."""

    __slots__ = ("came", "node")

    def __init__(self, came: dict[str, Back], node: str) -> None:
        self.came, self.node = came, node


End = State | _After | _Along | None
"""Where one side of a tie ends: at the meeting node (None: at the start)."""
Hit = tuple[int, int, int, Tie, End, State]
"""
A candidate tie: its length, its order, the origin it joins, its kind,
where the joining origin's side ends, and the other origin's state at
the meeting node.
"""


def group_origins(
    graph: GroupingGraph,
    sources: Sequence[str],
    dates: Sequence[PartialDate | None],
    policy: CorroborationPolicy,
) -> list[tuple[list[int], list[Independence]]]:
    """
    Origins (given by source and date) in groups of dependent ones.

    Each origin walks up from its source over the control links that hold
    at its date, and stops where an earlier walk at an equivalent date
    (one at which every link above holds alike) has been: everything
    above was seen by an origin it is then tied to. Origins are walked
    from the top of the hierarchy down, so the walk of an origin below
    stops at the nearest origin above. Then each origin looks at what it
    belongs to and copies, from the control ancestors its own walk
    reached, for anything some origin controls. Each origin that joins a
    group is tied to one origin already in it, by the shortest tie its
    walk found: the ties of a group form a tree.
    """
    walk = _Walk(graph, policy, sources, dates)
    for i in walk.order:
        walk.control(i)
    for i in walk.order:
        walk.memberships(i)
    return walk.groups()


class _Walk:
    """The walks of one set of origins, sharing what they have seen."""

    def __init__(
        self,
        graph: GroupingGraph,
        policy: CorroborationPolicy,
        sources: Sequence[str],
        dates: Sequence[PartialDate | None],
    ) -> None:
        self.graph = graph
        self.policy = policy
        self.sources = sources
        self.dates = dates
        canonical = graph.canonical_source
        self.roots = [canonical(source) for source in sources]
        self.one_voice = {canonical(o) for o in policy.one_voice}
        self.arms_length = {canonical(o) for o in policy.arms_length}
        self.parent = list(range(len(sources)))
        self.ties: list[tuple[int, Independence]] = []
        # Control states by walk: how each was reached, by whom, how far.
        self.came: dict[State, tuple[State, Link] | None] = {}
        self.owner: dict[State, int] = {}
        self.depth: dict[State, int] = {}
        # The first state reached at each node, whatever its dates.
        self.controller: dict[str, State] = {}
        # Membership and copying steps from the states each origin owns.
        self.steps: list[list[tuple[State, Link, int]]] = [[] for _ in sources]
        self.order, self.classes = self._survey()

    def _survey(self) -> tuple[list[int], list[object]]:
        """The order to walk origins in, and each one's class of dates."""
        graph = self.graph
        seen = dict.fromkeys(self.roots)
        queue = list(seen)
        edges: list[tuple[str, str]] = []
        dated: list[Link] = []
        position = 0
        while position < len(queue):
            node = queue[position]
            position += 1
            for link in graph.links_from(node):
                if link.is_dated:
                    dated.append(link)
                target = graph.canonical_source(link.object)
                edges.append((node, target))
                if target not in seen:
                    seen[target] = None
                    queue.append(target)
        column = longest_path_layers(queue, edges)
        order = sorted(
            range(len(self.roots)), key=lambda i: (column[self.roots[i]], i)
        )
        if not dated:
            return order, [None] * len(self.roots)
        # Two dates at which every dated link above holds alike see the
        # same hierarchy: their walks can share what they have seen. Links
        # valid over one interval hold alike at every date.
        intervals = list(
            {(link.valid_from, link.valid_to): link for link in dated}.values()
        )
        known: dict[PartialDate | None, object] = {}
        classes: list[object] = []
        for when in self.dates:
            found = known.get(when)
            if found is None:
                found = tuple([link.holds_at(when) for link in intervals])
                known[when] = found
            classes.append(found)
        return order, classes

    # -- the union-find over origins, and the ties it keeps -----------------

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _join(self, i: int, hits: list[Hit]) -> None:
        """Tie origin *i* to each group its walk met, shortest tie first."""
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        for _, _, other, tie, mine, theirs in hits:
            a, b = self.root(i), self.root(other)
            if a == b:
                continue
            self.parent[max(a, b)] = min(a, b)
            self.ties.append((i, self._tie(i, other, tie, mine, theirs)))

    def _tie(
        self, i: int, other: int, tie: Tie, mine: End, theirs: State
    ) -> Independence:
        sources = self.sources
        if self.roots[i] == self.roots[other]:
            a, b = sorted((i, other))
            return same_source(sources[a], sources[b])
        up, down = self._links_to(theirs), self._links_to(mine)
        if tie is Tie.COMMON_CONTROL and i < other:
            return tied(sources[i], down, sources[other], up, tie)
        return tied(sources[other], up, sources[i], down, tie)

    def _links_to(self, end: End) -> list[Link]:
        """The links from an origin's source up to where *end* says."""
        links: list[Link] = []
        if end is None:
            return links
        state: State
        if isinstance(end, _Along):
            # A node of a membership or copying walk: back along that walk
            # to the control state it set out from.
            came, node = end.came, end.node
            while True:
                back, link = came[node]
                links.append(link)
                if isinstance(back, str):
                    node = back
                    continue
                state = back
                break
        elif isinstance(end, _After):
            links.append(end.link)
            state = end.state
        else:
            state = end
        while (step := self.came[state]) is not None:
            state, link = step
            links.append(link)
        links.reverse()
        return links

    # -- the walks -----------------------------------------------------------

    def control(self, i: int) -> None:
        """Walk up from origin *i* over control links; tie what it meets."""
        graph, policy, when = self.graph, self.policy, self.dates[i]
        cls = self.classes[i]
        owner, depth = self.owner, self.depth
        hits: list[Hit] = []
        start = (self.roots[i], cls)
        if start in owner:
            other = owner[start]
            hits.append(
                (depth[start], 0, other, Tie.COMMON_CONTROL, None, start)
            )
            self._join(i, hits)
            return
        queue = [start]
        self._visit(i, start, None, 0, hits)
        steps = self.steps[i]
        position = 0
        while position < len(queue):
            state = queue[position]
            position += 1
            for link in graph.links_from(state[0]):
                relation = link.relation
                if relation in policy.association:
                    target = graph.canonical_source(link.object)
                    if target in self.arms_length:
                        continue
                    if target not in self.one_voice:
                        if link.holds_at(when):
                            steps.append((state, link, _BELONGS))
                        continue
                elif relation in policy.copying:
                    if link.holds_at(when):
                        steps.append((state, link, _COPIES))
                    continue
                elif relation not in policy.control:
                    continue
                if not link.holds_at(when):
                    continue
                reached = (graph.canonical_source(link.object), cls)
                seen_by = owner.get(reached)
                if seen_by is None:
                    far = depth[state] + 1
                    self._visit(i, reached, (state, link), far, hits)
                    queue.append(reached)
                elif seen_by != i:
                    hits.append(
                        (
                            depth[state] + 1 + depth[reached],
                            len(hits),
                            seen_by,
                            Tie.COMMON_CONTROL,
                            _After(state, link),
                            reached,
                        )
                    )
        self._join(i, hits)

    def _visit(
        self,
        i: int,
        state: State,
        came: tuple[State, Link] | None,
        steps: int,
        hits: list[Hit],
    ) -> None:
        self.came[state] = came
        self.owner[state] = i
        self.depth[state] = steps
        node = state[0]
        first = self.controller.get(node)
        if first is None:
            self.controller[node] = state
        else:
            # Reached before at other dates: the same node controls both.
            hits.append(
                (
                    steps + self.depth[first],
                    len(hits),
                    self.owner[first],
                    Tie.COMMON_CONTROL,
                    state,
                    first,
                )
            )

    def memberships(self, i: int) -> None:
        """Tie origin *i* to whoever controls what it belongs to or copies."""
        steps = self.steps[i]
        if not steps:
            return
        hits: list[Hit] = []
        for mode, tie in ((_BELONGS, Tie.MEMBERSHIP), (_COPIES, Tie.COPYING)):
            seeds = [(s, link) for s, link, m in steps if m == mode]
            if seeds:
                self._upward(i, seeds, mode, tie, hits)
        self._join(i, hits)

    def _upward(
        self,
        i: int,
        seeds: list[tuple[State, Link]],
        mode: int,
        tie: Tie,
        hits: list[Hit],
    ) -> None:
        """Breadth first from *seeds*, noting each node some origin controls."""
        graph, policy, when = self.graph, self.policy, self.dates[i]
        follow = policy.affiliations if mode == _BELONGS else policy.control
        came: dict[str, Back] = {}
        length: dict[str, int] = {}
        queue: list[str] = []

        def reach(node: str, step: Back, far: int) -> None:
            came[node] = step
            length[node] = far
            queue.append(node)
            first = self.controller.get(node)
            if first is not None and self.owner[first] != i:
                hits.append(
                    (
                        far + self.depth[first],
                        len(hits),
                        self.owner[first],
                        tie,
                        _Along(came, node),
                        first,
                    )
                )

        for state, link in seeds:
            target = graph.canonical_source(link.object)
            if target not in came:
                reach(target, (state, link), self.depth[state] + 1)
        position = 0
        while position < len(queue):
            node = queue[position]
            position += 1
            for link in graph.links_from(node):
                if (
                    link.relation not in follow
                    or not link.holds_at(when)
                    or (
                        mode == _BELONGS
                        and link.relation in policy.association
                        and graph.canonical_source(link.object)
                        in self.arms_length
                    )
                ):
                    continue
                target = graph.canonical_source(link.object)
                if target not in came:
                    reach(target, (node, link), length[node] + 1)

    def groups(self) -> list[tuple[list[int], list[Independence]]]:
        """The groups, in order of their first origin, with their ties."""
        by_root: dict[int, tuple[list[int], list[Independence]]] = {}
        for i in range(len(self.sources)):
            by_root.setdefault(self.root(i), ([], []))[0].append(i)
        # Listed by the origin each tie brought in, in the origins' order.
        for i, tie in sorted(self.ties, key=_first):
            by_root[self.root(i)][1].append(tie)
        return list(by_root.values())


def _first(pair: tuple[int, Independence]) -> int:
    return pair[0]
