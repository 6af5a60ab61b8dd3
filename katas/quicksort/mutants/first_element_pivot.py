"""The seed's recursive version (000_86c4d933e545a3f7.txt): first element as pivot."""


def quicksort(arr):
    if len(arr) <= 1:
        return list(arr)
    pivot = arr[0]
    less = [x for x in arr[1:] if x <= pivot]
    greater = [x for x in arr[1:] if x > pivot]
    return [*quicksort(less), pivot, *quicksort(greater)]
