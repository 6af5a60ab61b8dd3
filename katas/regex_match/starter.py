"""Kata `regex_match`: LeetCode 10, regular expression matching with `.` and `*`.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata regex_match` (or `pytest` in this folder).
"""

from __future__ import annotations


def is_match(s: str, p: str) -> bool:
    """True when p ('.' = any one char, 'x*' = zero or more x) matches the whole of s."""
    raise NotImplementedError("is_match is not written yet")
