def is_balanced(root):
    """Iterative post-order that marks a node as done by cutting its children off."""
    if root is None:
        return True
    heights = {}
    stack = [root]
    while stack:
        node = stack[-1]
        if node.left is not None and node.left not in heights:
            stack.append(node.left)
            continue
        if node.right is not None and node.right not in heights:
            stack.append(node.right)
            continue
        stack.pop()
        lh = heights.get(node.left, 0)
        rh = heights.get(node.right, 0)
        if abs(lh - rh) > 1:
            return False
        heights[node] = 1 + max(lh, rh)
        node.left = node.right = None  # done with this subtree
    return True
