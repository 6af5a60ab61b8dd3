def is_balanced(root):
    def height(node):
        if node is None:
            return 0
        return 1 + max(height(node.left), height(node.right))

    if root is None:
        return True
    left_ok = is_balanced(root.left)
    right_ok = is_balanced(root.right)
    here = abs(height(root.left) - height(root.right)) <= 1
    return left_ok and right_ok and here
