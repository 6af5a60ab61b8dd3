"""Reference: a dummy node before the head, then head-insertion of each node of [left, right]."""

from __future__ import annotations


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def reverse_between(head: ListNode | None, left: int, right: int) -> ListNode | None:
    dummy = ListNode(0, head)
    prev = dummy
    for _ in range(left - 1):
        prev = prev.next
    first = prev.next  # becomes the last node of the reversed part
    for _ in range(right - left):
        moved = first.next
        first.next = moved.next
        moved.next = prev.next
        prev.next = moved
    return dummy.next
