# Rewrites the values in place instead of relinking nodes: allowed, the checker reads values.
def reverse_between(head, left, right):
    nodes = []
    node = head
    while node:
        nodes.append(node)
        node = node.next
    i, j = left - 1, right - 1
    while i < j:
        nodes[i].val, nodes[j].val = nodes[j].val, nodes[i].val
        i += 1
        j -= 1
    return head
