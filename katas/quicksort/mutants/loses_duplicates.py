import random


def quicksort(nums):
    if len(nums) <= 1:
        return list(nums)
    pivot = nums[random.randrange(len(nums))]
    less = [x for x in nums if x < pivot]
    greater = [x for x in nums if x > pivot]
    return [*quicksort(less), pivot, *quicksort(greater)]
