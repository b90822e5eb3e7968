# SPDX-License-Identifier: MIT
"""Grouping many origins by one shared upward walk, with a tree of ties."""

from __future__ import annotations

import heapq

from collections.abc import Sequence

from claimtrack._affiliations import (
    AffiliationGraph,
    Independence,
    Tie,
    same_source,
    tied,
)
from claimtrack._date_classes import date_classes, links_above
from claimtrack._dates import PartialDate
from claimtrack._graphs import longest_path_layers
from claimtrack._links import Link
from claimtrack._policy import CorroborationPolicy


__all__ = [
    "BELONGS",
    "COPIES",
    "End",
    "OriginWalk",
    "group_origins",
]


BELONGS, COPIES = 1, 2
"""The two modes of walks beyond control: memberships and copying."""
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
    """A node of one origin's membership or copying walk, maybe beyond."""

    __slots__ = ("beyond", "came", "node")

    def __init__(
        self, came: dict[str, Back], node: str, beyond: Key | None = None
    ) -> None:
        # *beyond*: the node was walked by an earlier origin, and the tie
        # goes on along the path that walk found to a controlled node.
        self.came, self.node, self.beyond = came, node, beyond


Key = tuple[str, object, int]
"""A node of a membership or copying walk, its class of dates, its mode."""
Witness = tuple[int, str, tuple[Link, Key] | None]
"""
How far above a walked node the nearest controlled node is, which node
that is, and the first step towards it (None: the node itself).
"""
End = State | _After | _Along | None
"""Where one side of a tie ends: at the meeting node (None: at the start)."""
Hit = tuple[int, int, int, Tie, End, State]
"""
A candidate tie: its length, its order, the origin it joins, its kind,
where the joining origin's side ends, and the other origin's state at
the meeting node.
"""


def group_origins(
    graph: AffiliationGraph,
    sources: Sequence[str],
    dates: Sequence[PartialDate | None],
    policy: CorroborationPolicy,
) -> tuple[list[tuple[list[int], list[Independence]]], OriginWalk]:
    """
    Origins (given by source and date) in groups of dependent ones.

    Each origin walks up from its source over the control links that hold
    at its date, and stops where an earlier walk at an equivalent date
    (one at which every link above holds alike) has been: everything
    above was seen by an origin it is then tied to. Origins are walked
    from the top of the hierarchy down, so the walk of an origin below
    stops at the nearest origin above. Then each origin looks at what it
    belongs to and copies, from the control ancestors its own walk
    reached, for anything some origin controls; these walks stop where
    an earlier one (at an equivalent date) went on, and take the nearest
    controlled node it found above. Each origin that joins a group is
    tied to one origin already in it, by the shortest tie its walk
    found: the ties of a group form a tree. The walks are returned too:
    they tie carriers to the groups (see `claimtrack._carrier_ties`).
    """
    walk = OriginWalk(graph, policy, sources, dates)
    for i in walk.order:
        walk.control(i)
    for i in walk.order:
        walk.memberships(i)
    return walk.groups(), walk


class OriginWalk:
    """The walks of one set of origins, sharing what they have seen."""

    def __init__(
        self,
        graph: AffiliationGraph,
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
        # Membership and copying walks share what they have seen too: for
        # each node walked, the nearest controlled node above it (if any).
        self.witness: dict[Key, Witness | None] = {}
        # The walks that went on from each node, by node and mode.
        self.walkers: dict[tuple[str, int], list[tuple[int, _Along]]] = {}
        self.order, self.classes = self._survey()

    def _survey(self) -> tuple[list[int], list[object]]:
        """The order to walk origins in, and each one's class of dates."""
        nodes = dict.fromkeys(self.roots)
        edges: list[tuple[str, str]] = []
        dated: list[Link] = []
        for node, link, target in links_above(self.graph, self.roots):
            if link.is_dated:
                dated.append(link)
            edges.append((node, target))
            nodes[target] = None
        column = longest_path_layers(list(nodes), edges)
        order = sorted(
            range(len(self.roots)), key=lambda i: (column[self.roots[i]], i)
        )
        if not dated:
            return order, [None] * len(self.roots)
        # Two dates at which every dated link above holds alike see the
        # same hierarchy: their walks can share what they have seen.
        classes = date_classes(dated, self.dates)
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
        up, down = self.links_to(theirs), self.links_to(mine)
        if tie is Tie.COMMON_CONTROL and i < other:
            return tied(sources[i], down, sources[other], up, tie)
        return tied(sources[other], up, sources[i], down, tie)

    def links_to(self, end: End) -> list[Link]:
        """The links from an origin's source up to where *end* says."""
        links: list[Link] = []
        if end is None:
            return links
        state: State
        if isinstance(end, _Along):
            if end.beyond is not None:
                links = self._beyond(end.beyond)
                links.reverse()
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

    def _beyond(self, key: Key) -> list[Link]:
        """The links from a walked node up to its nearest controlled node."""
        links: list[Link] = []
        witness = self.witness[key]
        while witness is not None and witness[2] is not None:
            link, key = witness[2]
            links.append(link)
            witness = self.witness[key]
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
                            steps.append((state, link, BELONGS))
                        continue
                elif relation in policy.copying:
                    if link.holds_at(when):
                        steps.append((state, link, COPIES))
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
        for mode, tie in ((BELONGS, Tie.MEMBERSHIP), (COPIES, Tie.COPYING)):
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
        """
        Breadth first from *seeds*, noting each node some origin controls.

        The walk stops at a node an earlier walk (at an equivalent date)
        went on from: all the origins controlling something above it were
        tied together by that walk, so one tie, to the nearest of them,
        joins them all.
        """
        graph, policy, when = self.graph, self.policy, self.dates[i]
        cls, controller, owner = self.classes[i], self.controller, self.owner
        known = self.witness
        follow = policy.affiliations if mode == BELONGS else policy.control
        came: dict[str, Back] = {}
        length: dict[str, int] = {}
        queue: list[str] = []
        met: list[tuple[str, Witness]] = []

        def reach(node: str, step: Back, far: int) -> None:
            came[node] = step
            length[node] = far
            key = (node, cls, mode)
            if key in known:
                witness = known[key]
                if witness is not None:
                    met.append((node, witness))
                    top = controller[witness[1]]
                    if owner[top] != i:
                        hits.append(
                            (
                                far + witness[0] + self.depth[top],
                                len(hits),
                                owner[top],
                                tie,
                                _Along(came, node, key),
                                top,
                            )
                        )
                return
            queue.append(node)
            first = controller.get(node)
            if first is not None and owner[first] != i:
                hits.append(
                    (
                        far + self.depth[first],
                        len(hits),
                        owner[first],
                        tie,
                        _Along(came, node),
                        first,
                    )
                )

        for state, link in seeds:
            target = graph.canonical_source(link.object)
            if target not in came:
                reach(target, (state, link), self.depth[state] + 1)
        below: dict[str, list[tuple[str, Link]]] = {}
        position = 0
        while position < len(queue):
            node = queue[position]
            position += 1
            for link in graph.links_from(node):
                if (
                    link.relation not in follow
                    or not link.holds_at(when)
                    or (
                        mode == BELONGS
                        and link.relation in policy.association
                        and graph.canonical_source(link.object)
                        in self.arms_length
                    )
                ):
                    continue
                target = graph.canonical_source(link.object)
                below.setdefault(target, []).append((node, link))
                if target not in came:
                    reach(target, (node, link), length[node] + 1)
        self._witnesses(i, came, queue, below, met, (cls, mode))

    def _witnesses(
        self,
        i: int,
        came: dict[str, Back],
        walked: list[str],
        below: dict[str, list[tuple[str, Link]]],
        met: list[tuple[str, Witness]],
        where: tuple[object, int],
    ) -> None:
        """Note, for each node *walked*, the nearest controlled one above."""
        cls, mode = where
        controller, known = self.controller, self.witness
        found: dict[str, Witness] = dict(met)
        heap = [(witness[0], node) for node, witness in met]
        for node in walked:
            if node in controller:
                found[node] = (0, node, None)
                heap.append((0, node))
        heapq.heapify(heap)
        while heap:
            far, node = heapq.heappop(heap)
            if found[node][0] != far:
                continue
            for lower, link in below.get(node, ()):
                have = found.get(lower)
                if have is None or have[0] > far + 1:
                    found[lower] = (
                        far + 1,
                        found[node][1],
                        (link, (node, cls, mode)),
                    )
                    heapq.heappush(heap, (far + 1, lower))
        # A node met, not walked, keeps the witness its own walk gave it.
        walkers = self.walkers
        for node in walked:
            known[node, cls, mode] = found.get(node)
            walkers.setdefault((node, mode), []).append(
                (i, _Along(came, node))
            )

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
