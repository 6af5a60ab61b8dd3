"""Catalogue validation, the pickle-free codec, strict comparison and the static banned-API scan."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from mlprep.errors import KataError, UsageError
from mlprep.kata.catalogue import find_kata, load_catalogue, load_kata
from mlprep.kata.judge.check import _agrees, _enough_evidence
from mlprep.kata.judge.compare import Tolerance, compare
from mlprep.kata.judge.static import banned_uses, syntax_error
from mlprep.kata.model import Banned
from mlprep.kata.runner.codec import Array, EncodeError, decode, encode, to_runtime
from mlprep.kata.runner.jobs import OracleCase, Output, SolutionRun
from tests.kata.conftest import KATAS

# -- catalogue ----------------------------------------------------------------------------------


def test_shipped_katas_are_complete() -> None:
    katas = {k.name: k for k in load_catalogue(KATAS)}
    assert {"attention", "mha", "wildcard", "auc"} <= set(katas)
    for kata in katas.values():
        assert len(kata.mutants) >= 3 and len(kata.hints) >= 2
        assert kata.title.en and kata.title.zh and kata.task.en and kata.task.zh
        assert all(m.diagnosis.en and m.diagnosis.zh for m in kata.mutants)
    assert katas["auc"].mutant("rank_ignores_ties") is not None
    assert {"no_scale", "softmax_wrong_axis", "mask_inverted"} <= {
        m.name for m in katas["attention"].mutants
    }


def _copy(tmp_path: Path, name: str = "wildcard") -> Path:
    folder = tmp_path / name
    shutil.copytree(KATAS / name, folder)
    return folder


def test_missing_chinese_title_is_named(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    meta = folder / "kata.yaml"
    meta.write_text(meta.read_text().replace("  zh: 通配符匹配(LeetCode 44)\n", "", 1))
    with pytest.raises(KataError, match=r"kata.yaml \(title.zh\): missing or empty"):
        load_kata(folder)


def test_mutant_without_diagnosis_is_named(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "mutants" / "extra.py").write_text("def is_match(s, p):\n    return True\n")
    with pytest.raises(KataError, match=r"mutants/extra.py has no diagnosis"):
        load_kata(folder)


def test_too_few_mutants(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    meta = folder / "kata.yaml"
    text = meta.read_text()
    for name in ("greedy_star", "star_nonempty", "first_row"):
        (folder / "mutants" / f"{name}.py").unlink()
        start = text.index(f"  {name}:")
        end = text.index("\n  ", text.index("zh:", start)) + 1
        text = text[:start] + text[end:]
    meta.write_text(text)
    with pytest.raises(KataError, match="at least 3 mutants, found 2"):
        load_kata(folder)


def test_unknown_kata_suggests_close_names() -> None:
    with pytest.raises(UsageError) as info:
        find_kata(KATAS, "wildcrd")
    assert "unknown kata 'wildcrd'" in info.value.message and "wildcard" in str(info.value.hint)


# -- codec ----------------------------------------------------------------------------------------


def test_codec_round_trips_exact_types() -> None:
    t = torch.arange(6, dtype=torch.float64).reshape(2, 3)
    value = {"t": t, "b": torch.tensor([True, False]), "n": np.arange(3, dtype=np.int32), "f": 0.5,
             "s": "x", "l": [1, None, (True,)], "np": np.float32(1.5), "bf": torch.ones(2, dtype=torch.bfloat16)}  # fmt: skip
    decoded = decode(encode(value))
    assert isinstance(decoded, dict)
    arr = decoded["t"]
    assert (
        isinstance(arr, Array)
        and arr.kind == "tensor"
        and arr.dtype == "float64"
        and arr.shape == (2, 3)
    )
    assert decoded["bf"] == decoded["bf"] and decoded["bf"].dtype == "bfloat16"  # type: ignore[union-attr]
    assert decoded["l"] == [1, None, (True,)]
    back = to_runtime(encode(value))
    assert (
        isinstance(back, dict) and torch.equal(back["t"], t) and back["bf"].dtype == torch.bfloat16
    )


@pytest.mark.parametrize(
    "value",
    [type("F", (float,), {})(1.0), type("L", (list,), {})(), object(), torch.zeros(2).as_subclass(
        type("T", (torch.Tensor,), {})), torch.zeros(2, dtype=torch.complex64), {1: 2}],
    ids=["float-subclass", "list-subclass", "object", "tensor-subclass", "complex", "int-key"],
)  # fmt: skip
def test_codec_rejects_anything_inexact(value: object) -> None:
    with pytest.raises(EncodeError):
        encode(value)


def test_decode_rejects_malformed_data() -> None:
    from mlprep.kata.runner.codec import DecodeError

    for bad in (
        {"t": "tensor", "dtype": "float32", "shape": [3], "data": "AAAA"},
        {"t": "pickle"},
        [1],
        {},
    ):
        with pytest.raises(DecodeError):
            decode(bad)


# -- comparison -----------------------------------------------------------------------------------


def _t(x: torch.Tensor) -> object:
    return decode(encode(x))


def test_compare_reports_where_and_how_much() -> None:
    expected = torch.zeros(2, 3)
    actual = expected.clone()
    actual[1, 2] = 0.5
    found = compare(_t(expected), _t(actual), Tolerance(1e-5, 1e-4))
    assert found is not None and found.index == (1, 2) and found.max_abs == pytest.approx(0.5)
    assert "1 of 6 values outside tolerance" in found.message and "at [1, 2]" in found.message


def test_compare_is_strict_about_dtype_shape_and_type() -> None:
    tol = Tolerance()
    x = torch.ones(2, 2)
    assert "dtype float64, expected float32" in compare(_t(x), _t(x.double()), tol).message  # type: ignore[union-attr]
    assert "shape [4], expected [2, 2]" in compare(_t(x), _t(x.reshape(4)), tol).message  # type: ignore[union-attr]
    assert (
        "expected a tensor float32[2, 2], got a ndarray"
        in compare(_t(x), decode(encode(x.numpy())), tol).message
    )  # type: ignore[union-attr]
    assert compare(0.5, 1, tol) is not None  # a different number
    assert compare(0.0, 0, tol) is None  # `return 0` for a float result: the same number
    assert compare(0.0, False, tol) is not None  # a bool is not a number here
    assert compare(1, 1.0, tol) is not None  # a float is not an int
    assert compare(True, 1, tol) is not None  # an int is not a bool
    assert compare(0.5, decode(encode(np.float64(0.5))), tol) is None  # numpy floats are floats


def test_compare_nan_is_never_close() -> None:
    expected = torch.ones(3)
    found = compare(_t(expected), _t(torch.tensor([1.0, float("nan"), 1.0])), Tolerance())
    assert found is not None and "NaN" in found.message
    found = compare(_t(torch.tensor([float("nan")])), _t(torch.tensor([1.0])), Tolerance())
    assert found is not None


# -- static scan ----------------------------------------------------------------------------------

SDPA = Banned(
    display="F.scaled_dot_product_attention", api="torch.nn.functional.scaled_dot_product_attention"
)
FNMATCH = Banned(display="the fnmatch module", module="fnmatch")


@pytest.mark.parametrize(
    ("source", "hit"),
    [
        ("import torch.nn.functional as F\ny = F.scaled_dot_product_attention(q, k, v)\n", True),
        ("from torch.nn.functional import scaled_dot_product_attention as f\n", True),
        ("def scaled_dot_product_attention(q, k, v, mask=None):\n    return scaled_dot_product_attention(q, k, v)\n", False),
        ("class A:\n    def f(self):\n        return self.scaled_dot_product_attention()\n", False),
    ],
)  # fmt: skip
def test_static_scan_api(source: str, hit: bool) -> None:
    found = banned_uses(source.encode(), [SDPA], "attention.py")
    assert bool(found) == hit
    if hit:
        assert found[0].startswith(
            "F.scaled_dot_product_attention is not allowed in this kata (attention.py line"
        )


@pytest.mark.parametrize(
    "source",
    ["import fnmatch\n", "from fnmatch import fnmatchcase\n", "m = __import__('fnmatch')\n"],
)
def test_static_scan_module(source: str) -> None:
    assert banned_uses(source.encode(), [FNMATCH], "wildcard.py") == [
        f"the fnmatch module is not allowed in this kata (wildcard.py line {1})"
    ]


def test_syntax_error_message() -> None:
    assert syntax_error(b"def f(:\n", "x.py") is not None
    assert "x.py has a syntax error (line 2)" in (syntax_error(b"x = 1\ny = (\n", "x.py") or "")
    assert syntax_error(b"x = 1\n", "x.py") is None


def test_relative_error_skips_zero_expected_values() -> None:
    import numpy as np

    from mlprep.kata.judge.compare import Tolerance, _compare_arrays
    from mlprep.kata.runner.codec import Array

    expected = Array("tensor", "float32", (3,), np.array([0.0, 2.0, 0.0], dtype=np.float32))
    only_zeros_wrong = Array("tensor", "float32", (3,), np.array([0.5, 2.0, 0.0], dtype=np.float32))
    mismatch = _compare_arrays(
        expected, only_zeros_wrong, Tolerance(atol=1e-6, rtol=1e-5), "output"
    )
    assert mismatch is not None and mismatch.max_rel is None
    assert "no rel error (expected values are 0 there)" in mismatch.message
    both_wrong = Array("tensor", "float32", (3,), np.array([0.5, 3.0, 0.0], dtype=np.float32))
    mismatch = _compare_arrays(expected, both_wrong, Tolerance(atol=1e-6, rtol=1e-5), "output")
    assert mismatch is not None and mismatch.max_rel == 0.5
    assert "max rel error 0.5 at [1]" in mismatch.message


def test_shape_mismatch_of_small_arrays_shows_the_values() -> None:
    import numpy as np

    from mlprep.kata.judge.compare import Tolerance, _compare_arrays
    from mlprep.kata.runner.codec import Array

    expected = Array("tensor", "int64", (2,), np.array([3, 0]))
    actual = Array("tensor", "int64", (1,), np.array([3]))
    mismatch = _compare_arrays(expected, actual, Tolerance(), "output")
    assert mismatch is not None
    assert mismatch.message == "output: shape [1], expected [2] (expected [3, 0], got [3])"


# -- diagnosis: right or absent ---------------------------------------------------------------


def _case(expected: object) -> OracleCase:
    return OracleCase(
        0, "typical[0]", {"args": [], "kwargs": {}}, expected, Tolerance(1e-5, 1e-5), None, ""
    )


def test_a_near_miss_is_not_a_classic_mistake() -> None:
    case = _case(_t(torch.tensor([1.0, 2.0], dtype=torch.float64)))
    near = Output(_t(torch.tensor([1.00003, 2.0], dtype=torch.float64)))
    mutant = Output(_t(torch.tensor([1.00002, 2.0], dtype=torch.float64)))  # within tol of near
    assert not _agrees(case, near, mutant)
    wrong = Output(_t(torch.tensor([2.0, 4.0], dtype=torch.float64)))
    same_mistake = Output(_t(torch.tensor([2.0000001, 4.0], dtype=torch.float64)))
    assert _agrees(case, wrong, same_mistake)
    assert not _agrees(case, wrong, near)


def test_one_failing_bool_is_not_enough_evidence() -> None:
    one = SolutionRun(outcomes={0: Output(False)})
    assert not _enough_evidence([_case(True)], one)
    two = SolutionRun(outcomes={0: Output(False), 1: Output(True)})
    pair = [
        _case(True),
        OracleCase(1, "edge/x", {"args": [], "kwargs": {}}, False, Tolerance(), None, ""),
    ]
    assert _enough_evidence(pair, two)
    assert _enough_evidence([_case(3)], SolutionRun(outcomes={0: Output(4)}))
