"""Kata `reverse_list_ii`: LeetCode 92, reverse the nodes from position left to right.

Replace the body of `reverse_between`; keep its name and signature.
Check it with `mlprep kata reverse_list_ii` (or `pytest` in this folder).

The checker builds the lists itself with its own ListNode class shaped like the
one below; your code should only use `.val` and `.next` (creating your own
ListNode, e.g. a dummy head, is fine).
"""

from __future__ import annotations


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def reverse_between(head: ListNode | None, left: int, right: int) -> ListNode | None:
    """Reverse positions left..right (1-based, inclusive) and return the new head."""
    raise NotImplementedError("reverse_between is not written yet")
