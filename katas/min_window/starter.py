"""Kata `min_window`: LeetCode 76, minimum window substring.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata min_window` (or `pytest` in this folder).
"""

from __future__ import annotations


def min_window(s: str, t: str) -> str:
    """The shortest substring of s containing every character of t (with multiplicity), leftmost on ties; "" if none."""
    raise NotImplementedError("min_window is not written yet")
