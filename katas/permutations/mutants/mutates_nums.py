def permute(nums):
    """Heap's algorithm run on the caller's list itself: nums is left permuted."""
    n = len(nums)
    out = [nums.copy()]
    c = [0] * n
    i = 1
    while i < n:
        if c[i] < i:
            j = 0 if i % 2 == 0 else c[i]
            nums[j], nums[i] = nums[i], nums[j]
            out.append(nums.copy())
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1
    return out
