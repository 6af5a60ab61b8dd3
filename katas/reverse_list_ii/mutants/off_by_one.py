class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def reverse_between(head, left, right):
    dummy = ListNode(0, head)
    prev = dummy
    for _ in range(left - 1):
        prev = prev.next
    first = prev.next
    for _ in range(right - left - 1):  # one move short: reverses left..right-1
        if first.next is None:
            break
        moved = first.next
        first.next = moved.next
        moved.next = prev.next
        prev.next = moved
    return dummy.next
