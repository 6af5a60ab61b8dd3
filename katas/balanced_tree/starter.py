"""Kata `balanced_tree`: LeetCode 110, is a binary tree height-balanced?

Replace the body of `is_balanced`; keep its name and signature.
Check it with `mlprep kata balanced_tree` (or `pytest` in this folder).

The checker builds the trees itself (from LeetCode level-order lists) with its
own TreeNode class shaped like the one below; your code should only read
`.val`, `.left` and `.right`. The class here is for your own experiments.
"""

from __future__ import annotations


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def is_balanced(root: TreeNode | None) -> bool:
    """True when, at every node, the heights of the two subtrees differ by at most 1."""
    raise NotImplementedError("is_balanced is not written yet")
