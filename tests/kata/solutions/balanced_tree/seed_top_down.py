# The seed's first solution: recompute heights top-down. O(n log n) on balanced trees,
# and it stops at the first unbalanced node it meets, so it is fast enough here.
def is_balanced(root):
    def height(node):
        if not node:
            return 0
        return max(height(node.left), height(node.right)) + 1

    if not root:
        return True
    if abs(height(root.left) - height(root.right)) > 1:
        return False
    return is_balanced(root.left) and is_balanced(root.right)
