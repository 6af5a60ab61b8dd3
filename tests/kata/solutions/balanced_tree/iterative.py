def is_balanced(root):
    heights = {None: 0}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if node is None:
            continue
        if not done:
            stack += [(node, True), (node.left, False), (node.right, False)]
            continue
        lh, rh = heights[node.left], heights[node.right]
        if abs(lh - rh) > 1:
            return False
        heights[node] = 1 + max(lh, rh)
    return True
