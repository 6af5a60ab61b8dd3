"""Generated cases for `wildcard`: typical, edge, hypothesis properties, adversarial and large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples

EDGE = [
    ("empty_both", "", ""),
    ("empty_string_star", "", "*"),
    ("empty_string_stars", "", "***"),
    ("empty_string_question", "", "?"),
    ("empty_string_letter_star", "", "a*"),
    ("empty_pattern", "a", ""),
    ("all_stars", "abcabc", "*****"),
    ("prefix_only", "aa", "a"),
    ("whole_string", "aa", "*"),
    ("leetcode_true", "adceb", "*a*b"),
    ("leetcode_false", "acdcb", "a*c?b"),
    ("question_mismatch", "cb", "?a"),
    ("question_needs_char", "a", "a?"),
    ("star_then_question", "ab", "*?"),
    ("trailing_star", "abc", "abc*"),
    ("star_backtrack", "abab", "*ab"),
    ("star_backtrack_middle", "aaab", "a*ab"),
    ("star_gives_back", "mississippi", "m??*ss*?i*pi"),
    ("single_char", "z", "?"),
    ("letters_after_star", "abcde", "*cd*"),
]


def _pattern_from(rng: random.Random, s: str) -> str:
    """A pattern derived from s (often matching), with ? and * and sometimes a change."""
    out: list[str] = []
    i = 0
    while i < len(s):
        r = rng.random()
        if r < 0.15:
            out.append("?")
            i += 1
        elif r < 0.3:
            skip = rng.randint(0, 3)
            out.append("*")
            i += skip
        else:
            out.append(s[i])
            i += 1
    if rng.random() < 0.3:
        out.insert(rng.randint(0, len(out)), "*")
    if out and rng.random() < 0.35:
        k = rng.randrange(len(out))
        out[k] = rng.choice("abc")
    return "".join(out)


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    # first, with a tight limit: the exponential recursion never ends on them, while a
    # polynomial solution takes a few milliseconds (> 50x head room)
    cases = [
        Case("adversarial/stars_no_match", ("a" * 60, "*a" * 12 + "b"), timeout=0.5,
             note="exponential without memoisation"),
        Case("adversarial/stars_match", ("a" * 40 + "b", "*a" * 12 + "*b"), timeout=0.5),
    ]  # fmt: skip
    cases += [Case(f"edge/{name}", (s, p)) for name, s, p in EDGE]
    for i in range(24):
        s = "".join(rng.choice("abc"[: rng.randint(1, 3)]) for _ in range(rng.randint(0, 16)))
        cases.append(Case(f"typical[{i}]", (s, _pattern_from(rng, s))))

    from hypothesis import strategies as st

    pairs = hypothesis_examples(
        st.tuples(st.text("ab", max_size=8), st.text("ab?*", max_size=8)), 60, seed
    )
    pairs = sorted(set(pairs), key=lambda sp: (len(sp[0]) + len(sp[1]), sp))
    cases += [Case(f"property[{i}]", (s, p)) for i, (s, p) in enumerate(pairs[:40])]

    # the largest sizes the task states (|s|, |p| <= 1000): also a recursion depth of
    # about |s| + |p| for a memoised recursion
    s = "".join(rng.choice("ab") for _ in range(1000))
    cases.append(Case("large/n=1000,match", (s, _pattern_from(random.Random(seed + 1), s))))
    cases.append(Case("large/n=1000,few_stars", (s, "*" + s[250:450] + "*" + s[750:800] + "*")))
    cases.append(Case("large/n=1000,m=1000", ("a" * 1000, "?" * 500 + "*" + "a" * 499)))
    cases.append(Case("large/n=1000,no_match", ("a" * 999 + "b", "*" + "a" * 100 + "*a")))
    return cases


def bench_inputs(size: int, seed: int) -> tuple[str, str]:
    """`--bench`: a string of `size` letters and a pattern derived from it (|p| ≈ 0.8·size)."""
    rng = random.Random(seed * 1_000_003 + size)
    s = "".join(rng.choice("ab") for _ in range(size))
    return s, _pattern_from(rng, s)
