"""Kata `permutations`: LeetCode 46, all permutations of distinct ints.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata permutations` (or `pytest` in this folder).
"""

from __future__ import annotations


def permute(nums: list[int]) -> list[list[int]]:
    """Every ordering of nums (distinct ints), each exactly once, in any order."""
    raise NotImplementedError("permute is not written yet")
