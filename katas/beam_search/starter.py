"""Kata `beam_search`: beam search over a step function, with a length penalty.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata beam_search` (or `pytest` in this folder).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def beam_search(
    step: Callable[[Sequence[int]], list[float]],
    beam_width: int,
    max_len: int,
    eos: int,
    alpha: float = 0.0,
) -> list[tuple[list[int], float]]:
    """The best `beam_width` hypotheses, best first, as (tokens, sum_logp / len(tokens) ** alpha).

    `step(prefix)` gives the log-probabilities of the next token after `prefix` (a list of V floats).
    """
    raise NotImplementedError("beam_search is not written yet")
