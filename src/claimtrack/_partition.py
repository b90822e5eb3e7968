# SPDX-License-Identifier: MIT
"""A union-find over ids, for ``same_as`` classes of sources and claims."""

from __future__ import annotations

import attrs


__all__ = ["Partition"]


@attrs.define
class Partition:
    """
    Disjoint classes of ids, merged by `union`; no recursion, no scans.

    The representative of a class is its earliest-added member, so the
    answer never depends on the order in which unions were made.
    """

    _parent: dict[str, str] = attrs.Factory(dict)
    _members: dict[str, list[str]] = attrs.Factory(dict)
    _rank: dict[str, int] = attrs.Factory(dict)

    def add(self, item: str) -> None:
        """Make *item* a class of its own, if it is not known yet."""
        if item not in self._parent:
            self._parent[item] = item
            self._members[item] = [item]
            self._rank[item] = len(self._rank)

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
        if self._rank[root_b] < self._rank[root_a]:
            root_a, root_b = root_b, root_a
        # The earlier-added root stays representative; its member list
        # absorbs the other, smaller-or-not, list.
        self._parent[root_b] = root_a
        self._members[root_a].extend(self._members.pop(root_b))

    def members(self, item: str) -> list[str]:
        """Every member of *item*'s class, *item* included."""
        return self._members.get(self.find(item), [item])

    def copy(self) -> Partition:
        """An independent copy, for trying unions out."""
        return Partition(
            dict(self._parent),
            {root: list(ms) for root, ms in self._members.items()},
            dict(self._rank),
        )
