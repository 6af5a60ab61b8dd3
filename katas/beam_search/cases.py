"""Generated cases for `beam_search`: a Markov "model" given as a log-prob table.

`invoke` turns `table` (V + 1 rows of V log-probs) into `step(prefix)`: the row of the
prefix's last token, or row V for the empty prefix. Every log-prob is a multiple of
1/256 and small, so every sum is exact in float64 and float32: equal scores are real
ties, decided by the stated rule. Cases whose length-normalised scores come within
2e-6 (relative) of each other without being exactly equal are not generated, so that
float32 and float64 solutions agree on the ranking.
"""

from __future__ import annotations

import itertools
import math
import random

from mlprep.kata.casekit import Case, hypothesis_examples

TOL = {"atol": 1e-9, "rtol": 1e-6}  # scores: exact sums, one division (float32 ~ 6e-8)
NEG = -float("inf")


def invoke(solution, table, beam_width, max_len, eos, alpha):
    rows = [tuple(r) for r in table]
    start = len(rows) - 1

    def step(prefix):
        return list(rows[prefix[-1] if len(prefix) else start])

    result = solution.beam_search(step, beam_width, max_len, eos, alpha)
    if not isinstance(result, (list, tuple)):
        return result
    out = []
    for item in result:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            return result  # reported as a type mismatch
        tokens, score = item
        out.append((list(tokens) if isinstance(tokens, (list, tuple)) else tokens, score))
    return out


def _search(table, k, max_len, eos, alpha):
    """The reference's final pool (tokens, raw score) (kept here to check the cases are safe)."""
    alive, finished = [((), 0.0)], []
    start = len(table) - 1
    for _ in range(max_len):
        if not alive:
            break
        cands = [
            ((*t, v), s + lp) for t, s in alive for v, lp in enumerate(table[t[-1] if t else start])
        ]
        cands.sort(key=lambda c: (-c[1], c[0]))
        alive = []
        for t, s in cands[:k]:
            (finished if t[-1] == eos else alive).append((t, s))
    return finished + alive


def _safe(table, k, max_len, eos, alpha) -> bool:
    pool = _search(table, k, max_len, eos, alpha)
    if any(not math.isfinite(s) for _, s in pool):
        return False
    scored = sorted((s / len(t) ** alpha, len(t)) for t, s in pool)
    for (a, la), (b, lb) in itertools.pairwise(scored):
        if a != b and abs(a - b) <= 2e-6 * max(1.0, abs(a)):
            return False  # a near tie float32 rounding could flip
        if a == b and la != lb and alpha not in (0.0, 1.0):
            return False  # equal only through rounding of len ** alpha
    return True


def _q(x: float) -> float:
    """Round to a multiple of 1/256, never above 0."""
    return min(0.0, round(x * 256) / 256)


def _random_table(rng, v, eos, scale, eos_bias, shift=0.0):
    table = []
    for _ in range(v + 1):
        logits = [rng.gauss(0.0, scale) for _ in range(v)]
        logits[eos] += eos_bias
        m = max(logits)
        lse = m + math.log(sum(math.exp(z - m) for z in logits))
        table.append([_q(z - lse + shift) for z in logits])
    return table


def _rows(v, start, after, fill=-4.0):
    """A table from the start row and a few explicit rows (others filled with `fill`)."""
    table = [[fill] * v for _ in range(v)] + [list(start)]
    for tok, row in after.items():
        table[tok] = list(row)
    return table


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    def add(name, table, k, max_len, eos, alpha, note=""):
        assert _safe(table, k, max_len, eos, alpha), name
        cases.append(Case(name, (table, k, max_len, eos, float(alpha)), **TOL, note=note))

    def random_case(name, v, k, max_len, alpha, scale, eos_bias, shift=0.0, note=""):
        for _ in range(500):
            eos = rng.randrange(v)
            table = _random_table(rng, v, eos, scale, eos_bias, shift)
            if _safe(table, k, max_len, eos, alpha):
                cases.append(Case(name, (table, k, max_len, eos, float(alpha)), **TOL, note=note))
                return
        raise RuntimeError(f"no safe table for {name}")

    alphas = [0.0, 0.6, 1.0, 0.75]
    for i in range(12):
        v, k, max_len = rng.randint(3, 12), rng.randint(2, 5), rng.randint(2, 7)
        random_case(f"typical[{i}]", v, k, max_len, alphas[i % 4], rng.choice([1.0, 2.0, 3.0]),
                    rng.choice([0.0, 1.0, 2.0]), note=f"V={v}, k={k}, max_len={max_len}")  # fmt: skip

    # greedy picks 0 (-0.5) but 1 leads to a far better sequence
    add("edge/beam_beats_greedy",
        _rows(3, [-0.5, -0.75, -6.0], {0: [-2.0, -2.0, -2.5], 1: [-6.0, -0.125, -0.25]}),
        2, 3, 2, 0.0, note="eos=2")  # fmt: skip
    # step 2: [3,3] = -1.5, then [1,2] and [3,0] tie at -3 for the 2nd place: [1,2] < [3,0]
    add("edge/tie_across_beams_at_cutoff",
        _rows(5, [-5.0, -2.0, -5.0, -1.0, -5.0], {3: [-2.0, -6.0, -6.0, -0.5, -6.0],
                                                  1: [-6.0, -6.0, -1.0, -6.0, -6.0]}),
        2, 2, 4, 0.0, note="equal scores: the smaller sequence is kept")  # fmt: skip
    # [3], [1,3] and [0,3] all finish with -1: returned as [0,3], [1,3], [3]
    tie_table = _rows(
        4, [-0.75, -0.5, -6.0, -1.0], {1: [-6.0, -6.0, -6.0, -0.5], 0: [-6.0, -6.0, -6.0, -0.25]}
    )
    add("edge/tie_final_ranking", tie_table, 3, 3, 3, 0.0, note="three finished, all -1")
    add("edge/tie_final_ranking_alpha1", tie_table, 3, 3, 3, 1.0,
        note="normalised -1, -0.5, -0.5")  # fmt: skip
    # [3] = -1 and [0,3] = -2 tie at -1 with alpha = 1: [0, 3] < [3]
    add("edge/tie_different_lengths",
        _rows(4, [-0.5, -3.0, -3.0, -1.0], {0: [-4.0, -4.0, -4.0, -1.5]}), 2, 2, 3, 1.0,
        note="equal normalised scores, different lengths")  # fmt: skip
    # lp: [2] = -1.5 (len 1) vs [0,0,0,2] = -2.0 (len 4)
    lp_table = _rows(3, [-0.25, -4.0, -1.5], {0: [-0.5, -4.0, -1.0]}, fill=-8.0)
    lp_table[0] = [-0.25, -8.0, -1.0]
    add("edge/no_length_penalty", lp_table, 2, 4, 2, 0.0, note="alpha = 0: raw sums")
    add("edge/length_penalty_alpha1", lp_table, 2, 4, 2, 1.0, note="alpha = 1: mean log-prob")
    add("edge/length_penalty_alpha0.6", lp_table, 2, 4, 2, 0.6)
    add("edge/k_exceeds_candidates",
        _rows(3, [-1.0, -0.5, -2.0], {0: [-1.0, -0.25, -3.0], 1: [-0.75, -2.0, -0.5]}),
        5, 2, 2, 0.0, note="V = 3 < k = 5")  # fmt: skip
    add("edge/max_len_1", _rows(4, [-2.0, -0.5, -1.0, -3.0], {}), 3, 1, 0, 0.6,
        note="one step; unfinished hypotheses count")  # fmt: skip
    add("edge/k=1", _rows(3, [-0.5, -0.75, -3.0], {0: [-2.0, -2.0, -2.5]}), 1, 3, 2, 0.0,
        note="k = 1 is greedy")  # fmt: skip
    add("edge/eos_first_token", _rows(3, [-0.125, -3.0, -3.0], {}), 1, 5, 0, 1.0,
        note="the only beam finishes at once: the search stops")  # fmt: skip
    add("edge/eos_never_chosen",
        _random_table_no_eos(rng, 6, eos=5), 3, 4, 5, 0.6, note="eos log-prob -40")  # fmt: skip
    forbidden = _random_table(rng, 6, 0, 1.5, 1.0)
    for r, row in enumerate(forbidden):
        for j in range(6):
            if (r + j) % 3 == 0 and j != (r % 6):
                row[j] = NEG
    random_case_table = forbidden
    if _safe(random_case_table, 2, 4, 0, 0.0):
        add("edge/forbidden_tokens", random_case_table, 2, 4, 0, 0.0, note="-inf log-probs")
    else:
        add("edge/forbidden_tokens", _rows(4, [-0.5, NEG, -1.0, NEG], {2: [NEG, -0.25, -1.0, NEG]},
            fill=-1.0), 2, 3, 0, 0.0, note="-inf log-probs")  # fmt: skip

    # exact ties everywhere: small integer log-probs, alpha 0 or 1 (ties stay exact)
    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.integers(2, 4), st.integers(1, 4), st.integers(1, 4), st.integers(0, 1),
                  st.lists(st.integers(-4, -1), min_size=25, max_size=25)),
        40, seed)  # fmt: skip
    n_prop = 0
    for v, k, max_len, alpha, values in drawn:
        table = [[float(values[(r * v + j) % 25]) for j in range(v)] for r in range(v + 1)]
        eos = (k + max_len) % v
        if not _safe(table, k, max_len, eos, float(alpha)):
            continue
        cases.append(Case(f"property[{n_prop}]", (table, k, max_len, eos, float(alpha)), **TOL,
                          note="integer log-probs: ties"))  # fmt: skip
        n_prop += 1
        if n_prop == 10:
            break

    random_case("hard/underflow", 8, 3, 5, 0.0, 2.0, 1.0, shift=-700.0,
                note="log-probs near -700: products of probabilities underflow to 0")  # fmt: skip
    random_case("hard/underflow_alpha", 8, 3, 5, 0.6, 2.0, 1.0, shift=-760.0)
    random_case("hard/close_scores", 10, 4, 6, 0.0, 0.02, 0.0,
                note="scores differ by a few 1/256")  # fmt: skip
    random_case("large/V=128,k=6,max_len=24", 128, 6, 24, 0.6, 2.0, -1.0)
    return cases


def _random_table_no_eos(rng, v, eos):
    table = _random_table(rng, v, eos, 1.0, 0.0)
    for row in table:
        row[eos] = -40.0
    return table
