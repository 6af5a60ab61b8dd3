"""Coding katas: a catalogue of folders, a sandboxed checker, and a strict verdict.

Importing this package is cheap (no torch, no numpy): heavy work happens in
sandboxed worker processes (`mlprep.kata.runner.worker`), started by `Checker`.
"""

from __future__ import annotations

from mlprep.kata.catalogue import find_kata, load_catalogue, load_kata
from mlprep.kata.model import CaseResult, Diagnosis, Kata, Text, Verdict

__all__ = [
    "CaseResult",
    "Diagnosis",
    "Kata",
    "Text",
    "Verdict",
    "find_kata",
    "load_catalogue",
    "load_kata",
]
