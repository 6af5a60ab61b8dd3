def permute(nums):
    out = []
    path = []
    used = [False] * len(nums)

    def backtrack():
        if len(path) == len(nums):
            out.append(path)  # the same list object every time, emptied by the pops below
            return
        for i, x in enumerate(nums):
            if not used[i]:
                used[i] = True
                path.append(x)
                backtrack()
                path.pop()
                used[i] = False

    backtrack()
    return out
