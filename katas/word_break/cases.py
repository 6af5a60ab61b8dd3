"""Generated cases for `word_break`: typical, edge, hypothesis properties, adversarial and large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples

EDGE = [
    ("leetcode_leetcode", "leetcode", ["leet", "code"]),
    ("leetcode_reuse_apple", "applepenapple", ["apple", "pen"]),
    ("leetcode_catsandog", "catsandog", ["cats", "dog", "sand", "and", "cat"]),
    ("empty_string", "", ["a"]),
    ("empty_string_empty_dict", "", []),
    ("empty_dict", "a", []),
    ("single_word", "abc", ["abc"]),
    ("single_char_repeated", "aaaa", ["a"]),
    ("greedy_trap", "goalspecial", ["go", "goal", "goals", "special"]),
    ("greedy_trap_2", "cars", ["car", "ca", "rs"]),
    ("split_sevens", "aaaaaaa", ["aaaa", "aaa"]),
    ("cannot_finish", "aaaaaaa", ["aaaa", "aa"]),
    ("word_longer_than_s", "ab", ["abc"]),
    ("last_char_missing", "abcd", ["ab", "c"]),
    ("reuse_many_times", "abababab", ["ab"]),
    ("overlap_words", "abcabc", ["abca", "bc", "abc"]),
]


def _random_dict(rng: random.Random, alphabet: str, count: int, max_len: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, max_len))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def _sentence(rng: random.Random, words: list[str], count: int) -> str:
    return "".join(rng.choice(words) for _ in range(count))


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [Case(f"edge/{name}", (s, d)) for name, s, d in EDGE]
    for i in range(20):
        words = _random_dict(rng, "abc"[: rng.randint(2, 3)], rng.randint(1, 6), 4)
        s = _sentence(rng, words, rng.randint(1, 6))
        if i % 2 == 1 and s:
            k = rng.randrange(len(s))
            s = s[:k] + rng.choice("abcd") + s[k + 1 :]
        cases.append(Case(f"typical[{i}]", (s, words)))

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(
            st.text("ab", max_size=9),
            st.lists(st.text("ab", min_size=1, max_size=3), max_size=4, unique=True),
        ),
        80,
        seed,
    )
    unique = sorted({(s, tuple(d)) for s, d in drawn}, key=lambda x: (len(x[0]) + len(x[1]), x))
    cases += [Case(f"property[{i}]", (s, list(d))) for i, (s, d) in enumerate(unique[:30])]

    a_words = ["a" * k for k in range(1, 11)]
    # a tight limit: the exponential recursion never ends here, a memoised or DP solution
    # takes about a millisecond
    cases.append(
        Case("adversarial/a60_b", ("a" * 60 + "b", a_words), timeout=0.3,
             note="exponential without memoisation")
    )  # fmt: skip
    cases.append(Case("adversarial/a60", ("a" * 60, a_words[::-1])))
    words = _random_dict(rng, "abcdefgh", 200, 20)
    s = _sentence(rng, words, 400)[:2000]
    cases.append(Case("large/n=2000,200_words", (s, words)))
    s = _sentence(rng, words, 400)[:1999]
    cases.append(Case("large/n=1999,200_words", (s, words)))
    cases.append(Case("large/n=2000,no_split", ("a" * 1999 + "b", ["a" * k for k in range(1, 21)])))
    return cases
