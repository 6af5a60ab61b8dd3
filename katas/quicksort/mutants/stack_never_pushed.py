"""The seed's non-recursive version (000_86c4d933e545a3f7.txt), on a copy: one partition only."""


def quicksort(nums):
    arr = list(nums)
    if len(arr) <= 1:
        return arr

    stack = [(0, len(arr) - 1)]

    while stack:
        start, end = stack.pop()
        if start >= end:
            continue

        pivot = arr[start]
        left = start + 1
        right = end

        while left <= right:
            if arr[left] <= pivot:
                left += 1
            else:
                arr[left], arr[right] = arr[right], arr[left]
                right -= 1

        arr[start], arr[right] = arr[right], arr[start]

    return arr
