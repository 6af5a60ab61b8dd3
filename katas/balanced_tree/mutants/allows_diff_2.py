def is_balanced(root):
    def height(node):
        if node is None:
            return 0
        left, right = height(node.left), height(node.right)
        if left < 0 or right < 0 or abs(left - right) > 2:
            return -1
        return 1 + max(left, right)

    return height(root) >= 0
