"""Kata `wildcard`: LeetCode 44, wildcard matching with `?` and `*`.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata wildcard` (or `pytest` in this folder).
"""

from __future__ import annotations


def is_match(s: str, p: str) -> bool:
    """True when the pattern p matches the whole string s."""
    raise NotImplementedError("is_match is not written yet")
