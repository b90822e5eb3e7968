# SPDX-License-Identifier: MIT
"""Graph algorithms on any nodes and successors, without recursion."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar


__all__ = ["strongly_connected"]

N = TypeVar("N", bound=Hashable)


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
