"""Generated cases for `regex_match`: typical, edge, hypothesis properties, adversarial and large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples

EDGE = [
    ("seed_c*a*b", "aab", "c*a*b"),
    ("leetcode_prefix_only", "aa", "a"),
    ("leetcode_a*", "aa", "a*"),
    ("leetcode_dot_star", "ab", ".*"),
    ("leetcode_mississippi", "mississippi", "mis*is*p*."),
    ("empty_both", "", ""),
    ("empty_string_star", "", "a*"),
    ("empty_string_stars", "", "a*.*b*"),
    ("empty_string_letter", "", "a"),
    ("empty_string_dot", "", "."),
    ("empty_pattern", "a", ""),
    ("trailing_dot_star", "ab", "ab.*"),
    ("trailing_star", "abc", "abcd*"),
    ("dot_star_then_letter", "ab", ".*c"),
    ("dot_star_middle", "abcd", "a.*d"),
    ("star_zero_then_match", "b", "a*b"),
    ("star_not_wildcard", "ab", "a*"),
    ("star_not_wildcard_2", "abc", "a*c"),
    ("dot_one_char", "a", "."),
    ("dot_not_two", "ab", "."),
    ("star_gives_back", "aaa", "a*a"),
    ("star_gives_back_2", "aaa", "ab*a*c*a"),
    ("many_zero_stars", "a", "b*c*d*a"),
    ("dot_star_greedy", "abcabc", ".*bc"),
    ("star_after_dot_then_star", "aaab", ".*a*b"),
]


def _pattern_from(rng: random.Random, s: str) -> str:
    """A pattern built from s (often matching): letters, dots, x* and .* runs, extra x*."""
    out: list[str] = []
    i = 0
    while i < len(s):
        r = rng.random()
        if r < 0.15:
            out.append(".")
            i += 1
        elif r < 0.35:
            c = s[i]
            j = i
            while j < len(s) and s[j] == c and rng.random() < 0.8:
                j += 1
            out.append(c + "*")
            i = j
        elif r < 0.42:
            out.append(".*")
            i += rng.randint(0, 3)
        elif r < 0.5:
            out.append(rng.choice("abc") + "*")
        else:
            out.append(s[i])
            i += 1
    if rng.random() < 0.3:
        out.append(rng.choice("abc.") + "*")
    if out and rng.random() < 0.3:
        k = rng.randrange(len(out))
        out[k] = rng.choice("abc") + out[k][1:]
    return "".join(out)


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [Case(f"edge/{name}", (s, p)) for name, s, p in EDGE]
    for i in range(24):
        s = "".join(rng.choice("abc"[: rng.randint(1, 3)]) for _ in range(rng.randint(0, 14)))
        cases.append(Case(f"typical[{i}]", (s, _pattern_from(rng, s))))

    from hypothesis import strategies as st

    element = st.tuples(st.sampled_from("ab."), st.booleans())
    pairs = hypothesis_examples(
        st.tuples(st.text("ab", max_size=7), st.lists(element, max_size=5)), 80, seed
    )
    unique = {(s, "".join(c + ("*" if star else "") for c, star in els)) for s, els in pairs}
    ordered = sorted(unique, key=lambda sp: (len(sp[0]) + len(sp[1]), sp))
    cases += [Case(f"property[{i}]", (s, p)) for i, (s, p) in enumerate(ordered[:40])]

    # a tight limit: the exponential recursion never ends here, a memoised or DP solution
    # takes about a millisecond
    cases.append(
        Case("adversarial/stars_no_match", ("a" * 30 + "b", "a*" * 15 + "c"), timeout=0.3,
             note="exponential without memoisation")
    )  # fmt: skip
    cases.append(Case("adversarial/dot_stars_no_match", ("ab" * 14, ".*a" * 10 + "c")))
    cases.append(Case("adversarial/stars_match", ("a" * 30 + "b", "a*" * 15 + "b")))
    s = "".join(rng.choice("ab") for _ in range(300))
    cases.append(Case("large/n=300,match", (s, _pattern_from(random.Random(seed + 1), s))))
    cases.append(Case("large/n=300,dot_stars", (s, ".*" + s[50:120] + ".*" + s[200:230] + ".*")))
    cases.append(Case("large/n=300,no_match", ("a" * 299 + "b", "a*" * 100 + ".*a*a")))
    return cases
