"""LaTeX in cards becomes readable Unicode; what cannot be converted is shown as source."""

from __future__ import annotations

import re

import pytest

from mlprep.decks import load_decks
from mlprep.decks.loader import deck_files
from mlprep.ui.latex import render_math, to_unicode
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("tex", "expected"),
    [
        (r"\mathrm{softmax}(QK^T/\sqrt{d_k})V", "softmax(QKᵀ/√dₖ)V"),
        (r"\frac{QK^T}{\sqrt{d_k}}", "QKᵀ/√dₖ"),
        (r"\sum_{i=1}^{n} x_i^2", "∑ᵢ₌₁ⁿ xᵢ²"),
        (r"\frac{1}{1+e^{-x}}", "1/(1+e⁻ˣ)"),
        (r"\alpha/r", "α/r"),
        (r"x \in \mathbb{R}^{d}", "x ∈ ℝᵈ"),
        (r"\mathbb{E}_{q(z|x)}[\log p(x|z)]", "𝔼_(q(z|x))[log p(x|z)]"),
        (r"\sqrt{d_{model}}", "√d_model"),
        (r"x_i W^V", "xᵢ Wⱽ"),
        (r"QK^\top", "QKᵀ"),
        (r"h_{t-1}", "hₜ₋₁"),
        (r"10000^{2i/d}", "10000^(2i/d)"),
        (r"\left(\frac{a}{b}\right)", "(a/b)"),
        (r"d_{model}", "d_model"),
        (r"\|x\|_2", "‖x‖₂"),
        (r"\hat{y}_i", "ŷᵢ"),
    ],
)
def test_converts(tex: str, expected: str) -> None:
    assert to_unicode(tex) == expected


@pytest.mark.parametrize(
    "tex", [r"\begin{pmatrix}a\end{pmatrix}", r"\unknowncommand{x}", r"\softmaxx(x)"]
)
def test_unconvertible_returns_none(tex: str) -> None:
    assert to_unicode(tex) is None


def test_render_math_keeps_source_and_code() -> None:
    text = "Scale by $1/\\sqrt{d_k}$; keep $\\weird{x}$; code `$HOME` and\n```bash\necho $x$\n```\n"
    out = render_math(text)
    assert "Scale by 1/√dₖ;" in out
    assert "keep $\\weird{x}$;" in out  # shown as its source
    assert "`$HOME`" in out and "echo $x$" in out  # code untouched


def test_display_math_gets_its_own_paragraph() -> None:
    assert render_math("AUC: $$\\frac{a}{b}$$ done") == "AUC: \n\na/b\n\n done"


def test_most_formulas_in_shipped_decks_convert() -> None:
    decks = load_decks(deck_files([REPO / "decks"])).decks
    formulas = []
    for deck in decks:
        for card in deck.cards:
            for text in (card.q, card.a, card.text, card.explain):
                for value in text.variants if text else []:
                    formulas += [
                        m.group(1) or m.group(2)
                        for m in re.finditer(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", value, re.S)
                    ]
    assert formulas
    converted = sum(to_unicode(f) is not None for f in formulas)
    assert converted / len(formulas) >= 0.9, [f for f in formulas if to_unicode(f) is None][:20]
