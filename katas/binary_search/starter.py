"""Kata `binary_search`: LeetCode 704, binary search in a sorted list of distinct ints.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata binary_search` (or `pytest` in this folder).
"""

from __future__ import annotations


def binary_search(nums: list[int], target: int) -> int:
    """The index of target in nums (sorted ascending, distinct), or -1 when it is absent."""
    raise NotImplementedError("binary_search is not written yet")
