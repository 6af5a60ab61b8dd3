"""Generated cases for `balanced_tree`: trees travel as LeetCode level-order lists.

`invoke` builds the tree from the list (with this module's `TreeNode`; a solution
only reads `.val`, `.left` and `.right`) and calls `is_balanced(root)`. Large
trees travel as numpy arrays when they have no gaps (complete trees).
"""

from __future__ import annotations

import random
import sys
from collections import deque

import numpy as np

from mlprep.kata.casekit import Case, InputChanged, hypothesis_examples

MAX_HEIGHT = 800  # the task promises trees at most this many levels deep


class TreeNode:
    __slots__ = ("left", "right", "val")

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self) -> str:
        return f"TreeNode({self.val})"


def build(level_order) -> TreeNode | None:
    """A tree from a LeetCode level-order list (None marks a missing child), iteratively."""
    items = level_order.tolist() if isinstance(level_order, np.ndarray) else list(level_order)
    if not items or items[0] is None:
        return None
    root = TreeNode(items[0])
    queue = deque([root])
    i = 1
    while queue and i < len(items):
        node = queue.popleft()
        for side in ("left", "right"):
            if i < len(items) and items[i] is not None:
                child = TreeNode(items[i])
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root


def _snapshot(root: TreeNode | None) -> list[tuple[int, object, int, int]]:
    """Every node's identity, value and children's identities (iteratively, level order)."""
    out = []
    queue = deque([root] if root is not None else [])
    while queue:
        node = queue.popleft()
        out.append((id(node), node.val, id(node.left), id(node.right)))
        queue.extend(child for child in (node.left, node.right) if child is not None)
    return out


def invoke(solution, tree):
    root = build(tree)
    before = _snapshot(root)
    # recursion as deep as the tree (plus a helper frame or two per level) must work
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5 * MAX_HEIGHT))
    result = solution.is_balanced(root)
    if _snapshot(root) != before:  # a value overwritten, a child detached or replaced
        raise InputChanged("tree")
    return result


# -- tree shapes (as nested tuples (left, right), None for no node) ---------------------------


def _serialise(shape) -> list[int | None]:
    """Level-order list of a shape, values numbered 1.. in level order, trailing Nones cut."""
    out: list[int | None] = []
    queue = deque([shape])
    count = 0
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        count += 1
        out.append(count)
        queue.extend(node)
    while out and out[-1] is None:
        out.pop()
    return out


def _height(shape) -> int:
    return 0 if shape is None else 1 + max(_height(shape[0]), _height(shape[1]))


def _balanced_shape(rng: random.Random, h: int):
    """A random height-balanced shape of height exactly h."""
    if h == 0:
        return None
    if h == 1:
        return (None, None)
    a, b = h - 1, rng.choice((h - 1, h - 2))
    if rng.random() < 0.5:
        a, b = b, a
    return (_balanced_shape(rng, a), _balanced_shape(rng, b))


def _break_deep(rng: random.Random, shape, depth: int):
    """The shape with one subtree at `depth` replaced by a 3- or 4-node chain (unbalanced there)."""
    if shape is None or depth == 0:
        return (
            ((((None, None), None), None), None)
            if rng.random() < 0.5
            else (None, (None, (None, None)))
        )
    left, right = shape
    if rng.random() < 0.5 and left is not None:
        return (_break_deep(rng, left, depth - 1), right)
    if right is not None:
        return (left, _break_deep(rng, right, depth - 1))
    return (_break_deep(rng, left, depth - 1), right)


def _chain(n: int, side: str):
    shape = None
    for _ in range(n):
        shape = (shape, None) if side == "left" else (None, shape)
    return shape


def _zigzag(n: int):
    shape = None
    for i in range(n):
        shape = (shape, None) if i % 2 else (None, shape)
    return shape


def _broom(spine: int, levels: int) -> list[int | None]:
    """A left spine of `spine` nodes whose last node's left child is a complete subtree."""
    out: list[int | None] = [1]
    for i in range(2, spine + 2):  # nodes 2..spine are spine nodes, spine+1 the subtree root
        out += [i, None]
    out += list(range(spine + 2, spine + 2**levels))
    return out


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [
        # first, with a tight limit: O(n·height) height recomputation takes about 2 s here,
        # one bottom-up pass about 20 ms (building and snapshotting the tree included)
        Case("large/broom,spine=800,n=4895", (_broom(800, 12),), timeout=0.5,
             note="an 800-node spine above a complete subtree: O(n·height) height recomputation times out"),
        Case("edge/empty", ([],)),
        Case("edge/single", ([1],)),
        Case("edge/left_child_only", ([1, 2],)),
        Case("edge/right_child_only", ([1, None, 2],)),
        Case("edge/chain_of_3", ([1, 2, None, 3],)),
        Case("edge/right_chain_of_3", ([1, None, 2, None, 3],)),
        Case("edge/leetcode_balanced", ([3, 9, 20, None, None, 15, 7],)),
        Case("edge/leetcode_unbalanced", ([1, 2, 2, 3, 3, None, None, 4, 4],)),
        Case("edge/root_ok_children_not", ([1, 2, 2, 3, None, None, 3, 4, None, None, 4],),
             note="the root's subtrees have equal heights"),
        Case("edge/diff_exactly_1", ([1, 2, 3, 4],)),
        Case("edge/diff_exactly_2", ([1, 2, 3, 4, None, None, None, 5],)),
        Case("edge/full_3_levels", ([1, 2, 3, 4, 5, 6, 7],)),
        Case("edge/duplicate_values", ([0, 0, 0, 0, None, None, 0],)),
        Case("edge/negative_values", ([-1, -2, -3, None, -4],)),
    ]  # fmt: skip
    for i in range(16):
        shape = _balanced_shape(rng, rng.randint(2, 7))
        if i % 2 == 1:
            shape = _break_deep(rng, shape, rng.randint(1, max(1, _height(shape) - 2)))
        cases.append(Case(f"typical[{i}]", (_serialise(shape),)))

    from hypothesis import strategies as st

    shapes = st.recursive(
        st.none(), lambda kids: st.tuples(kids, kids), max_leaves=8
    )  # a shape is None or (left, right)
    drawn = hypothesis_examples(shapes, 80, seed)
    unique = sorted({tuple(_serialise(s)) for s in drawn}, key=lambda t: (len(t), str(t)))
    cases += [Case(f"property[{i}]", (list(t),)) for i, t in enumerate(unique[:30])]

    cases += [
        Case("deep/left_chain_800", (_serialise(_chain(MAX_HEIGHT, "left")),)),
        Case("deep/zigzag_800", (_serialise(_zigzag(MAX_HEIGHT)),)),
        Case(
            "deep/balanced_then_chain", (_serialise((_balanced_shape(rng, 9), _chain(9, "right"))),)
        ),
    ]
    full = np.arange(1, 2**13, dtype=np.int64)  # complete tree, 8191 nodes, 13 levels
    cases.append(Case("large/n=8191,complete", (full,)))
    cases.append(Case("large/n=12000,balanced", (np.arange(1, 12_001, dtype=np.int64),),
                      note="a complete tree with a ragged last level"))  # fmt: skip
    return cases
