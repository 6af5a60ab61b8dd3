"""The shipped kata catalogue: the required names, bilingual text, seed sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.kata.catalogue import load_catalogue
from tests.conftest import REPO

REQUIRED = {
    # from the seeds
    "attention", "mha", "positional_encoding", "masks", "layer_norm", "batch_norm",
    "softmax_cross_entropy", "rope", "lora_linear", "infonce", "auc", "metrics", "bm25",
    "naive_bayes", "fm", "quicksort", "binary_search", "wildcard", "regex_match", "word_break",
    "balanced_tree", "permutations", "reverse_list_ii", "min_window",
}  # fmt: skip
SEEDS = {
    "000_86c4d933e545a3f7.txt",
    "001_63ad114e0b0afa4d.txt",
    "002_cfbf4df1661e4f15.txt",
    "003_c4467ca41a84801d.txt",
    "004_32bb352026dbbe3b.txt",
}


def test_catalogue_lists_at_least_30_katas_with_every_required_name(home: Path) -> None:
    result = CliRunner().invoke(app, ["kata", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    names = {row["name"] for row in rows}
    assert len(names) >= 30
    assert names >= REQUIRED, sorted(REQUIRED - names)
    assert len(names - REQUIRED) >= 6  # at least six chosen beyond the required ones
    for row in rows:
        assert {"name", "title", "topic", "difficulty", "status"} <= set(row)


def test_every_kata_is_bilingual_and_names_its_seed() -> None:
    katas = load_catalogue(REPO / "katas")
    for kata in katas:
        for text in (kata.title, kata.task, *kata.hints):
            assert text.en.strip() and text.zh.strip(), kata.name
        assert len(kata.hints) >= 2, kata.name
        assert len(kata.mutants) >= 3, kata.name
        for mutant in kata.mutants:
            assert mutant.diagnosis.en.strip() and mutant.diagnosis.zh.strip(), (
                kata.name,
                mutant.name,
            )
        if kata.seed_source is not None:
            assert kata.seed_source in SEEDS, (kata.name, kata.seed_source)
    from_seeds = {k.name for k in katas if k.seed_source}
    assert REQUIRED & {k.name for k in katas} <= from_seeds, sorted(REQUIRED - from_seeds)


# -- Chinese punctuation -----------------------------------------------------------------------

CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
ASCII_NEXT_TO_CJK = re.compile(rf"(?<={CJK}) *[,:;!?]|[,:;!?] *(?={CJK})")
PAREN_AROUND_CJK = re.compile(rf"\([^()`]*{CJK}[^()`]*\)")
AFTER_CODE = re.compile(r"^[,;:](?=\S|$)")


def _prose(text: str) -> list[tuple[bool, str]]:
    """(is_code, piece): code spans, `$math$`, fenced and indented code lines are code."""
    pieces: list[tuple[bool, str]] = []
    fenced = False
    for line in text.split("\n"):
        if line.strip().startswith("```"):
            fenced = not fenced
            pieces.append((True, line))
        elif fenced or line.startswith(("    ", "\t")):
            pieces.append((True, line))
        else:
            parts = re.split(r"(`[^`]*`|\$[^$]*\$)", line)
            pieces += [(i % 2 == 1, part) for i, part in enumerate(parts)]
        pieces.append((True, "\n"))
    return pieces


def ascii_punctuation_in_chinese(text: str) -> list[str]:
    """ASCII `,:;!?` next to Chinese, `(...)` around Chinese, `,;:` right after a code span."""
    found: list[str] = []
    pieces = _prose(text)
    for i, (code, piece) in enumerate(pieces):
        if code:
            continue
        if i and pieces[i - 1][0] and pieces[i - 1][1].startswith("`"):
            found += AFTER_CODE.findall(piece)
        found += ASCII_NEXT_TO_CJK.findall(piece) + PAREN_AROUND_CJK.findall(piece)
    return found


def test_ascii_punctuation_rule() -> None:
    assert ascii_punctuation_in_chinese("base=10000.0):旋转位置编码,采用") == [":", ","]
    assert ascii_punctuation_in_chinese("`q` 的形状,`k` 是 `[a, b]`,`v`") == [",", ","]
    assert ascii_punctuation_in_chinese("(前面可以有任意多个批次维度)") == [
        "(前面可以有任意多个批次维度)"
    ]
    assert ascii_punctuation_in_chinese("复杂度 O(n log n)，额外空间 O(1)。`f(a, b)`") == []


def test_chinese_kata_texts_use_full_width_punctuation() -> None:
    bad = []
    for kata in load_catalogue(REPO / "katas"):
        texts = [kata.title, kata.task, *kata.hints, *(m.diagnosis for m in kata.mutants)]
        for text in texts:
            found = ascii_punctuation_in_chinese(text.zh)
            if found:
                bad.append(f"{kata.name}: {found[:3]}")
    assert not bad, bad


def test_every_kata_has_two_correct_solutions_and_four_mistakes() -> None:
    solutions = REPO / "tests" / "kata" / "solutions"
    for kata in load_catalogue(REPO / "katas"):
        styles = sorted((solutions / kata.name).glob("*.py"))
        assert len(styles) >= 2, (kata.name, "needs two correct solutions in other styles")
        assert len(kata.mutants) >= 4, (kata.name, "needs four classic mistakes")
