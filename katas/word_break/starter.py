"""Kata `word_break`: LeetCode 139, can s be split into dictionary words?

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata word_break` (or `pytest` in this folder).
"""

from __future__ import annotations


def word_break(s: str, word_dict: list[str]) -> bool:
    """True when s is a concatenation of words from word_dict (each usable any number of times)."""
    raise NotImplementedError("word_break is not written yet")
