# SPDX-License-Identifier: MIT
"""Tests for `claimtrack._graphs`: the generic algorithms, against brute force."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from claimtrack._graphs import (
    UnionFind,
    longest_path_layers,
    shortest_path,
    strongly_connected,
)

from .strategies import small_digraphs


def reachable(graph: dict[int, list[int]], start: int) -> dict[int, int]:
    """Every node *start* reaches, with its distance: breadth first."""
    distance = {start: 0}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in graph[node]:
                if target not in distance:
                    distance[target] = distance[node] + 1
                    following.append(target)
        frontier = following
    return distance


@given(small_digraphs())
def test_strongly_connected_matches_mutual_reachability(
    graph: dict[int, list[int]],
) -> None:
    """Two nodes share a component exactly when each reaches the other."""
    component = strongly_connected(graph, graph.__getitem__)
    reach = {node: reachable(graph, node) for node in graph}
    for a in graph:
        for b in graph:
            mutual = b in reach[a] and a in reach[b]
            assert (component[a] == component[b]) == mutual


@given(small_digraphs(), st.data())
def test_shortest_path_is_shortest(
    graph: dict[int, list[int]], data: st.DataObject
) -> None:
    """The path found is a real path of the fewest edges, or there is none."""
    start = data.draw(st.sampled_from(sorted(graph)))
    goal = data.draw(st.sampled_from(sorted(graph)))
    if start == goal:
        return
    path = shortest_path(
        start, goal, lambda node: [(t, (node, t)) for t in graph[node]]
    )
    distance = reachable(graph, start)
    if goal not in distance:
        assert path is None
        return
    assert path is not None
    assert len(path) == distance[goal]
    assert path[0][0] == start
    assert path[-1][1] == goal
    for (_, reached), (left, _) in itertools.pairwise(path):
        assert reached == left


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9))))
def test_union_find_classes_are_the_connected_parts(
    unions: list[tuple[int, int]],
) -> None:
    """Classes are what the unions connect; the smallest id represents."""
    found = UnionFind()
    for a, b in unions:
        found.union(str(a), str(b))
    undirected: dict[int, list[int]] = {n: [] for n in range(10)}
    for a, b in unions:
        undirected[a].append(b)
        undirected[b].append(a)
    for node in range(10):
        members = sorted(reachable(undirected, node))
        expected = sorted(str(m) for m in members)
        assert sorted(found.members(str(node))) == expected
        assert found.find(str(node)) == min(expected)


def test_union_find_copy_is_independent() -> None:
    """Unions in a copy leave the original as it was."""
    found = UnionFind()
    found.union("a", "b")
    trial = found.copy()
    trial.union("b", "c")
    assert found.members("a") == ["a", "b"]
    assert sorted(trial.members("a")) == ["a", "b", "c"]


@given(small_digraphs())
def test_layers_put_each_node_past_its_parents_off_cycles(
    graph: dict[int, list[int]],
) -> None:
    """Clear of cycles, a node's column is one past its deepest parent's."""
    nodes = [str(n) for n in graph]
    edges = [(str(c), str(p)) for c, parents in graph.items() for p in parents]
    column = longest_path_layers(nodes, edges)
    on_cycle = {
        n
        for n, parents in graph.items()
        if any(n in reachable(graph, p) for p in parents)
    }
    for child, parents in graph.items():
        # Edges run child -> parent: what the child reaches is above it.
        if on_cycle.intersection(reachable(graph, child)):
            continue
        expected = 1 + max((column[str(p)] for p in parents), default=-1)
        assert column[str(child)] == expected


def test_long_chains_do_not_recurse() -> None:
    """A 100,000-node chain is walked without recursion."""
    size = 100_000
    graph = {n: [n + 1] if n + 1 < size else [] for n in range(size)}
    component = strongly_connected([0], graph.__getitem__)
    assert len(set(component.values())) == size
    path = shortest_path(0, size - 1, lambda n: [(t, t) for t in graph[n]])
    assert path is not None
    assert len(path) == size - 1
