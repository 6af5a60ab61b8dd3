# The seed's solution: pick each element first, permute the rest.
def permute(nums):
    if len(nums) == 1:
        return [nums[:]]
    res = []
    for i in range(len(nums)):
        for rest in permute(nums[:i] + nums[i + 1 :]):
            res.append([nums[i], *rest])
    return res
