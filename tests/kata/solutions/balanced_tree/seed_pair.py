# The seed's second solution: return (height, is_balanced) from one post-order pass.
def is_balanced(root):
    def height(node):
        if not node:
            return 0, True
        lh, lb = height(node.left)
        rh, rb = height(node.right)
        ok = lb and rb and abs(lh - rh) <= 1
        return max(lh, rh) + 1, ok

    return height(root)[1]
