"""Generated cases for `min_window`: typical, edge (ties, multiplicity), properties and large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples

EDGE = [
    ("leetcode_banc", "ADOBECODEBANC", "ABC"),
    ("leetcode_single", "a", "a"),
    ("leetcode_not_enough", "a", "aa"),
    ("t_longer_than_s", "ab", "abc"),
    ("char_missing", "abcdef", "z"),
    ("multiplicity", "aab", "aa"),
    ("multiplicity_spread", "abacbab", "aab"),
    ("whole_string", "abc", "cba"),
    ("single_char_window", "bbbab", "a"),
    ("single_char_at_end", "ab", "b"),
    ("tie_leftmost", "abxba", "ab"),
    ("tie_leftmost_2", "cabwefgewcwaefgcf", "cae"),
    ("tie_three", "xyzxyz", "z"),
    ("case_sensitive", "aAbBa", "AB"),
    ("repeated_t", "aaaaaaaaaa", "aaa"),
    ("shrink_past_extra", "bba", "ab"),
    ("t_equals_s", "qwerty", "qwerty"),
]


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    # First, with a tight limit: every start before the first z scans to it, so O(n²)
    # takes tens of seconds; a sliding window ~7 ms
    chars = [rng.choice("abcdefghij") for _ in range(20_000)]
    chars[18_000] = "z"
    chars[19_500] = "z"
    cases = [
        Case("large/n=2e4,rare_char_at_end", ("".join(chars), "zab"), timeout=0.25,
             note="every start before the first z scans to it: O(n²) times out")
    ]  # fmt: skip
    cases += [Case(f"edge/{name}", (s, t)) for name, s, t in EDGE]
    for i in range(16):
        alphabet = "abcdeABC"[: rng.randint(2, 8)]
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
        cases.append(Case(f"typical[{i}]", (s, t)))

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.text("abc", max_size=10), st.text("abc", min_size=1, max_size=3)), 80, seed
    )
    unique = sorted(set(drawn), key=lambda st_: (len(st_[0]) + len(st_[1]), st_))
    cases += [Case(f"property[{i}]", (s, t)) for i, (s, t) in enumerate(unique[:30])]

    n = 100_000
    letters = "abcdefghij"
    chars = [rng.choice(letters) for _ in range(n)]
    chars[98_000] = "z"
    chars[99_500] = "z"
    s = "".join(chars)
    cases.append(
        Case("large/n=1e5,rare_char_at_end", (s, "zab"), timeout=1.0,
             note="every start before the first z scans to it: O(n²) times out")
    )  # fmt: skip
    s2 = "".join(rng.choice(letters) for _ in range(n))
    t2 = "".join(rng.choice(letters) for _ in range(2000))
    cases.append(Case("large/n=1e5,|t|=2000", (s2, t2), timeout=1.0))
    s3 = "ab" * (n // 2)
    cases.append(
        Case("large/n=1e5,ties", (s3, "ba"), timeout=1.0, note="every window of length 2 ties")
    )
    return cases
