def binary_search(nums, target):
    def go(lo, hi):
        if lo > hi:
            return -1
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        return go(mid + 1, hi) if nums[mid] < target else go(lo, mid - 1)

    return go(0, len(nums) - 1)
