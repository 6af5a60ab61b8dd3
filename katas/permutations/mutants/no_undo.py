def permute(nums):
    out = []
    path = []
    used = [False] * len(nums)

    def backtrack():
        if len(path) == len(nums):
            out.append(path[:])
            return
        for i, x in enumerate(nums):
            if not used[i]:
                used[i] = True
                path.append(x)
                backtrack()
                path.pop()
                # forgot: used[i] = False

    backtrack()
    return out
