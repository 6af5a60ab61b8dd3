"""The shipped kata catalogue: the required names, bilingual text, seed sources."""

from __future__ import annotations

import json
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
