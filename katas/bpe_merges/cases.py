"""Generated cases for `bpe_merges`: small corpora with many ties and runs like 'aaaa'.

`invoke` accepts a tuple or a list `(merges, words)`, pairs as tuples or lists and
segmentations as lists or tuples, and turns them into tuples / lists before comparing.
"""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, InputChanged, hypothesis_examples


def invoke(solution, word_freqs, num_merges):
    given = dict(word_freqs)
    result = solution.bpe_merges(given, num_merges)
    if given != word_freqs or list(given) != list(word_freqs):
        raise InputChanged("word_freqs")
    if not isinstance(result, (list, tuple)) or len(result) != 2:
        return result
    merges, words = result
    if isinstance(merges, (list, tuple)):
        merges = [tuple(m) if isinstance(m, (list, tuple)) else m for m in merges]
    if isinstance(words, dict):
        words = {k: list(v) if isinstance(v, (list, tuple)) else v for k, v in words.items()}
    return (merges, words)


def _corpus(rng: random.Random, n_words: int, alphabet: str, max_len: int) -> dict[str, int]:
    stems = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4))) for _ in range(6)]
    corpus: dict[str, int] = {}
    while len(corpus) < n_words:
        parts = [rng.choice(stems) for _ in range(rng.randint(1, 2))]
        word = (
            "".join(parts)[:max_len]
            if rng.random() < 0.7
            else "".join(rng.choice(alphabet) for _ in range(rng.randint(1, max_len)))
        )
        corpus[word] = corpus.get(word, 0) or int(1 + 30 / rng.randint(1, 30))
    return corpus


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [
        Case("edge/empty_corpus", ({}, 5)),
        Case("edge/zero_merges", ({"low": 5, "lower": 2}, 0)),
        Case("edge/sennrich_example", ({"low": 5, "lower": 2, "newest": 6, "widest": 3}, 10)),
        Case("edge/overlap_aaa", ({"aaa": 1}, 2), note="(a, a) counts 2; merged as 'aa' + 'a'"),
        Case("edge/overlap_aaaa", ({"aaaa": 1}, 2)),
        Case("edge/overlap_runs", ({"aaaaa": 2, "baaab": 3}, 4)),
        Case("edge/weighted_counts", ({"xy": 10, "ab": 1, "abc": 1, "zab": 1}, 1),
             note="(x, y) 10 beats (a, b) 3"),
        Case("edge/tie_lexicographic", ({"ba": 1, "ab": 1}, 1), note="(a, b) < (b, a)"),
        Case("edge/tie_second_symbol", ({"ac": 2, "ab": 2}, 2)),
        Case("edge/tie_case_order", ({"ab": 1, "Bc": 1, "_d": 1}, 3), note="'B' < '_' < 'a'"),
        Case("edge/stop_when_no_pairs", ({"ab": 3, "c": 4}, 5), note="one merge, then none left"),
        Case("edge/single_char_words", ({"a": 3, "b": 2}, 3)),
        Case("edge/merge_inside_symbol", ({"ab": 5, "abc": 1, "bc": 3}, 3),
             note="(b, c) must not match the 'b' inside 'ab'"),
        Case("edge/no_cross_word_pairs", ({"ab": 1, "ba": 1, "cab": 1, "bac": 1, "zz": 2}, 4)),
        Case("edge/chinese", ({"机器学习": 5, "机器人": 3, "学习": 4, "深度学习": 2}, 4)),
        Case("edge/same_string_two_ways", ({"abc": 2, "ab": 2, "bc": 3, "abcbc": 1}, 4)),
    ]  # fmt: skip
    for i in range(10):
        corpus = _corpus(rng, rng.randint(3, 12), "abcdef"[: rng.randint(2, 6)], 8)
        n = rng.randint(3, 15)
        cases.append(Case(f"typical[{i}]", (corpus, n), note=f"{len(corpus)} words, {n} merges"))

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(
            st.dictionaries(st.text("ab", min_size=1, max_size=6), st.integers(1, 3),
                            min_size=1, max_size=5),
            st.integers(1, 6)),
        60, seed)  # fmt: skip
    seen: set[str] = set()
    for corpus, n in drawn:
        key = repr((sorted(corpus.items()), n))
        if key in seen:
            continue
        seen.add(key)
        cases.append(Case(f"property[{len(seen) - 1}]", (corpus, n), note="runs and ties"))
        if len(seen) == 12:
            break

    runs = {"a" * k: 1 + k % 3 for k in range(2, 12)}
    cases.append(Case("hard/long_runs", (runs, 8), note="'aa…a' words of length 2-11"))
    tie = {"".join(rng.sample("abcdefgh", 4)): 1 for _ in range(30)}
    cases.append(Case("hard/all_ties", (tie, 10), note="every frequency 1"))
    big = {w: f * 1_000_003 for w, f in _corpus(rng, 8, "abcd", 8).items()}
    cases.append(Case("hard/big_frequencies", (big, 6)))
    large = _corpus(rng, 200, "abcdefghijklmnop", 10)
    cases.append(Case("large/200_words,40_merges", (large, 40), timeout=5.0))
    return cases
