"""Kata `quicksort`: quicksort returning a new list (no sorted(), no .sort()).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata quicksort` (or `pytest` in this folder).
"""

from __future__ import annotations


def quicksort(nums: list[int]) -> list[int]:
    """A new ascending list; nums is left unchanged."""
    raise NotImplementedError("quicksort is not written yet")
