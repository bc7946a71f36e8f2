"""Connected components of a graph given as edges, with a union-find (single-link clustering).

>>> components(4, [(0, 1), (2, 1)])
[0, 0, 0, 3]
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["components"]


def components(count: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """The component of each of ``count`` nodes, named by its smallest node.

    The result depends on the set of edges only, not on their order.
    """
    parent = list(range(count))

    def find(node: int) -> int:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for left, right in edges:
        a, b = find(left), find(right)
        if a != b:
            if a < b:
                parent[b] = a
            else:
                parent[a] = b
    return [find(node) for node in range(count)]
