def permute(nums):
    n = len(nums)
    return [nums[i:] + nums[:i] for i in range(n)]
