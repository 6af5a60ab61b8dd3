class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def reverse_between(head, left, right):
    dummy = ListNode(0, head)
    before = dummy
    for _ in range(left - 1):
        before = before.next
    prev, cur = None, before.next
    for _ in range(right - left + 1):
        cur.next, prev, cur = prev, cur, cur.next
    before.next.next = cur  # the old first node of the segment now leads to the rest
    before.next = prev
    return dummy.next
