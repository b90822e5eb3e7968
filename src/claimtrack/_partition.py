# SPDX-License-Identifier: MIT
"""A union-find over ids, for ``same_as`` classes of sources and claims."""

from __future__ import annotations

import attrs


__all__ = ["Partition"]


@attrs.define
class Partition:
    """
    Disjoint classes of ids, merged by `union`; no recursion, no scans.

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

    def copy(self) -> Partition:
        """An independent copy, for trying unions out."""
        return Partition(
            dict(self._parent),
            {root: list(ms) for root, ms in self._members.items()},
        )
