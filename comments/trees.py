"""Tree maths for writing many comments at once.

django-mptt keeps ``lft``/``rght``/``level``/``tree_id`` on every row and
rewrites them on each ``save()``; importing thousands of comments that way is
quadratic. Here a whole forest is laid out in memory, in one pass, so the rows
can go in with ``bulk_create``. Iterative, so a 10,000-deep chain is fine.
"""
from dataclasses import dataclass, field


@dataclass
class Node:
    key: str
    parent_key: str | None
    sort_key: tuple
    children: list = field(default_factory=list)
    level: int = 0
    lft: int = 0
    rght: int = 0
    tree_offset: int = 0  # 0 for the first new tree, 1 for the next...


def lay_out(nodes: list[Node]) -> tuple[list[Node], list[Node]]:
    """Set level/lft/rght/tree_offset on every node; return (ordered, orphans).

    A node whose parent key is not among ``nodes`` becomes a root and is
    listed in ``orphans`` (unless its parent key is None: a real root). Nodes
    caught in a parent cycle are cut loose as roots too, never dropped.
    ``ordered`` is in tree order (tree by tree, pre-order), parents first.
    """
    by_key = {node.key: node for node in nodes}
    roots, orphans = [], []
    for node in nodes:
        parent = by_key.get(node.parent_key) if node.parent_key is not None else None
        if parent is None or parent is node:
            roots.append(node)
            if node.parent_key is not None:
                orphans.append(node)
        else:
            parent.children.append(node)

    roots.sort(key=lambda n: n.sort_key)
    ordered = _walk(roots, first_offset=0)
    if len(ordered) < len(nodes):
        # Whatever was not reached from a root hangs in a cycle: break each
        # cycle at its earliest member and lay it out as a tree of its own.
        seen = {node.key for node in ordered}
        for node in nodes:
            if node.key in seen:
                continue
            parent = by_key[node.parent_key]
            parent.children.remove(node)
            orphans.append(node)
            roots.append(node)
            extra = _walk([node], first_offset=len(roots) - 1)
            seen.update(n.key for n in extra)
            ordered.extend(extra)
    return ordered, orphans


def _walk(roots, *, first_offset):
    ordered = []
    for offset, root in enumerate(roots, start=first_offset):
        counter = 1
        root.level = 0
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                node.rght = counter
                counter += 1
                continue
            node.lft = counter
            node.tree_offset = offset
            counter += 1
            ordered.append(node)
            stack.append((node, True))
            node.children.sort(key=lambda n: n.sort_key)
            for child in reversed(node.children):
                child.level = node.level + 1
                stack.append((child, False))
    return ordered
