# SPDX-License-Identifier: MIT
"""Graph algorithms without recursion: union-find, shortest paths, cycles."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

import attrs


__all__ = [
    "MergedClasses",
    "UnionFind",
    "longest_path_layers",
    "reaches",
    "shortest_path",
    "strongly_connected",
]

N = TypeVar("N", bound=Hashable)
E = TypeVar("E")


def strongly_connected(
    starts: Iterable[N], successors: Callable[[N], Sequence[N]]
) -> dict[N, int]:
    """
    The strongly connected component of every node reachable from *starts*.

    Tarjan's algorithm without recursion: two nodes share a number
    exactly when each reaches the other.
    """
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    component: dict[N, int] = {}
    on_stack: set[N] = set()
    stack: list[N] = []
    for start in starts:
        if start in index:
            continue
        work: list[tuple[N, Sequence[N], int]] = [
            (start, successors(start), 0)
        ]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets, position = work[-1]
            if position < len(targets):
                work[-1] = (node, targets, position + 1)
                target = targets[position]
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, successors(target), 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if low[node] == index[node]:
                number = len(component)
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = number
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component


def shortest_path(
    start: N, goal: N, steps: Callable[[N], Iterable[tuple[N, E]]]
) -> list[E] | None:
    """
    The edges of a shortest path from *start* to *goal*, or None.

    Breadth first: *steps* gives each node's (next node, edge) pairs.
    When *goal* is *start*, the path is a shortest cycle through it.
    """
    came: dict[N, tuple[N, E] | None] = {start: None}
    queue = [start]
    position = 0
    while position < len(queue):
        node = queue[position]
        position += 1
        for target, edge in steps(node):
            if target == goal:
                return [*_edges_to(node, came), edge]
            if target in came:
                continue
            came[target] = (node, edge)
            queue.append(target)
    return None


def reaches(
    start: N,
    goal: N,
    forward: Callable[[N], Iterable[N]],
    backward: Callable[[N], Iterable[N]],
) -> bool:
    """
    Whether *goal* can be reached from *start*.

    Searches forward from *start* (over *forward*, each node's
    successors) and backward from *goal* (over *backward*, each node's
    predecessors) in turn, a node at a time, and stops as soon as the
    two meet or either side has nowhere left to go. So a question whose
    answer is "no" costs about what the smaller side holds: a link under
    a deep hierarchy from a unit with one child looks at the child, not
    at the whole ancestry.
    """
    if start == goal:
        return True
    seen = ({start}, {goal})
    queues = ([start], [goal])
    positions = [0, 0]
    steps = (forward, backward)
    while all(positions[i] < len(queues[i]) for i in (0, 1)):
        # Expand the side with less left to do.
        side = 0 if len(queues[0]) <= len(queues[1]) else 1
        node = queues[side][positions[side]]
        positions[side] += 1
        mine, theirs = seen[side], seen[1 - side]
        for target in steps[side](node):
            if target in theirs:
                return True
            if target not in mine:
                mine.add(target)
                queues[side].append(target)
    return False


def _edges_to(goal: N, came: dict[N, tuple[N, E] | None]) -> list[E]:
    """The edges followed to reach *goal*, first to last."""
    path: list[E] = []
    node = goal
    while (step := came[node]) is not None:
        node, edge = step
        path.append(edge)
    path.reverse()
    return path


def longest_path_layers(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]]
) -> dict[str, int]:
    """
    The column of every node: one more than the deepest node it points to.

    Edges run ``(child, parent)``; a node with no parent among *nodes* is
    in column 0. Kahn's topological order, so each node and edge is
    visited once; nodes left on a cycle go one column past their placed
    parents, in *nodes* order.
    """
    known = set(nodes)
    parents: dict[str, list[str]] = {node: [] for node in nodes}
    children: dict[str, list[str]] = {node: [] for node in nodes}
    for child, parent in edges:
        if child in known and parent in known and child != parent:
            parents[child].append(parent)
            children[parent].append(child)
    waiting = {node: len(parents[node]) for node in nodes}
    column = dict.fromkeys(nodes, 0)
    ready = [node for node in nodes if waiting[node] == 0]
    placed: set[str] = set()
    while ready:
        node = ready.pop()
        placed.add(node)
        for child in children[node]:
            column[child] = max(column[child], column[node] + 1)
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    for node in nodes:
        if node not in placed:
            column[node] = 1 + max(
                (column[p] for p in parents[node] if p in placed), default=-1
            )
            placed.add(node)
    return column


@attrs.define
class UnionFind:
    """
    Disjoint classes of ids (``same_as`` classes), merged by `union`.

    No recursion, no scans.

    The representative of a class is its smallest id, so no answer
    depends on the order in which records or unions were made. An id
    never united with another is a class of its own without being stored.
    """

    _parent: dict[str, str] = attrs.Factory(dict)
    _members: dict[str, list[str]] = attrs.Factory(dict)

    def add(self, item: str) -> None:
        """Make *item* a class of its own, if it is not known yet."""
        if item not in self._parent:
            self._parent[item] = item
            self._members[item] = [item]

    def find(self, item: str) -> str:
        """The representative of *item*'s class (*item* if unknown)."""
        parent = self._parent
        root = parent.get(item, item)
        if root == item:
            return item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        """Merge the classes of *a* and *b*."""
        self.add(a)
        self.add(b)
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if root_b < root_a:
            root_a, root_b = root_b, root_a
        # The smaller id stays representative. Path compression in
        # `find` keeps the trees shallow.
        self._parent[root_b] = root_a
        # Extend the longer member list with the shorter: each id moves
        # O(log n) times over any sequence of unions.
        kept, moved = self._members.pop(root_a), self._members.pop(root_b)
        if len(kept) < len(moved):
            kept, moved = moved, kept
        kept.extend(moved)
        self._members[root_a] = kept

    def members(self, item: str) -> list[str]:
        """Every member of *item*'s class, *item* included."""
        return self._members.get(self.find(item), [item])

    def copy(self) -> UnionFind:
        """An independent copy, for trying unions out."""
        return UnionFind(
            dict(self._parent),
            {root: list(ms) for root, ms in self._members.items()},
        )


@attrs.define
class MergedClasses:
    """
    `UnionFind` classes with a few more unions, leaving the original as is.

    What a batch of new ``same_as`` links would make of the classes
    already there, without copying them: the new unions join the old
    classes' representatives in a small union-find of their own. Answers
    as a `UnionFind` does (`find`, `members`).
    """

    base: UnionFind
    _joined: UnionFind = attrs.Factory(UnionFind)
    _members: dict[str, list[str]] = attrs.Factory(dict)

    def union(self, a: str, b: str) -> None:
        """Merge the classes of *a* and *b* (here only)."""
        self._joined.union(self.base.find(a), self.base.find(b))
        self._members.clear()

    def find(self, item: str) -> str:
        """The representative of *item*'s class (*item* if unknown)."""
        # Each old representative is the smallest id of its class, so the
        # smallest of them is the smallest of the merged class.
        return self._joined.find(self.base.find(item))

    def old_classes(self, item: str) -> list[str]:
        """The representatives of the old classes merged into *item*'s."""
        return self._joined.members(self.find(item))

    def members(self, item: str) -> list[str]:
        """Every member of *item*'s class, *item* included."""
        roots = self.old_classes(item)
        if len(roots) == 1:
            return self.base.members(item)
        root = self.find(item)
        found = self._members.get(root)
        if found is None:
            found = [m for old in roots for m in self.base.members(old)]
            self._members[root] = found
        return found
