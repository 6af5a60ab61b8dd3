def is_balanced(root):
    """Correct answer, but each node's height is cached in node.val, overwriting the tree."""

    def height(node):
        if node is None:
            return 0
        left, right = height(node.left), height(node.right)
        if left < 0 or right < 0 or abs(left - right) > 1:
            return -1
        node.val = 1 + max(left, right)  # caches the height in the node
        return node.val

    return height(root) >= 0
