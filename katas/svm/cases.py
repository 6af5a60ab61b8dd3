"""Generated cases for `svm_train`: blobs, exact margin-1 boundaries (dyadic data), edges, large."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case


def _margins_clear(X: np.ndarray, y: np.ndarray, lam: float, lr: float, epochs: int) -> bool:
    """No margin of the trajectory lies within 1e-9 of 1 without being exactly 1."""
    s = np.where(y == 1, 1.0, -1.0)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        m = s * (X @ w + b)
        gap = np.abs(m - 1.0)
        if np.any((gap > 0) & (gap < 1e-9)):
            return False
        act = m < 1.0
        w, b = w - lr * (lam * w - (s[act] @ X[act]) / n), b + lr * float(s[act].sum()) / n
    return True


def _blobs(rng: np.random.Generator, n: int, d: int, sep: float, scale: float = 1.0):
    y = rng.integers(0, 2, n).astype(np.int64)
    y[:2] = [0, 1]
    centre = rng.normal(size=d)
    centre *= sep / np.linalg.norm(centre)
    X = (
        rng.normal(size=(n, d)) + np.where(y[:, None] == 1, centre, -centre) + rng.normal(size=d)
    ) * scale
    return X, y


def _tol(X: np.ndarray, lr: float, epochs: int) -> dict[str, float]:
    scale = 1.0 + lr * epochs * float(np.abs(X).max())
    return {"atol": 1e-10 * scale, "rtol": 1e-9}


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    i = 0
    while i < 12:
        n, d = int(rng.integers(4, 80)), int(rng.integers(1, 6))
        X, y = _blobs(rng, n, d, sep=float(rng.uniform(0.3, 3.0)))
        lam = [0.01, 0.1, 0.0, 1.0][i % 4]
        lr = float(rng.choice([0.01, 0.05, 0.1, 0.3]))
        epochs = int(rng.integers(1, 150))
        if not _margins_clear(X, y, lam, lr, epochs):
            continue
        cases.append(Case(f"typical[{i}]", (X, y, lam, lr, epochs), **_tol(X, lr, epochs),
                          note=f"n={n}, d={d}, lam={lam}, lr={lr}, epochs={epochs}"))  # fmt: skip
        i += 1

    f = np.float64
    two = np.array([[1.0], [-1.0]])
    y2 = np.array([1, 0], dtype=np.int64)
    quad = np.array([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0]])
    yq = np.array([1, 1, 0, 0], dtype=np.int64)
    Xs, ys = _blobs(rng, 20, 3, 2.0)
    cases += [
        Case("edge/zero_epochs", (Xs, ys, 0.1, 0.1, 0), note="w = 0, b = 0"),
        Case("edge/one_epoch", (Xs, ys, 0.1, 0.1, 1), **_tol(Xs, 0.1, 1),
             note="every margin is 0 < 1: w = lr·mean(s·x), b = lr·mean(s)"),
        Case("edge/margin_exactly_one", (two, y2, 0.0, 1.0, 3), atol=1e-12, rtol=1e-12,
             note="after one step both margins are exactly 1: nothing moves any more (w = 1)"),
        Case("edge/margin_exactly_one_2d", (quad, yq, 0.0, 0.5, 4), atol=1e-12, rtol=1e-12,
             note="dyadic data: margins reach exactly 1 and stop contributing"),
        Case("edge/margin_exactly_one_with_lam", (two, y2, 0.5, 1.0, 4), atol=1e-12, rtol=1e-12,
             note="lam = 0.5 shrinks w below the margin, the hinge pushes it back"),
        Case("edge/labels_zero_are_negative", (np.array([[3.0], [1.0], [-2.0]]),
                                               np.array([0, 0, 1], dtype=np.int64), 0.1, 0.1, 5),
             **_tol(two, 0.1, 5), note="class 0 is the −1 class"),
        Case("edge/single_class", (Xs, np.ones(20, dtype=np.int64), 0.1, 0.2, 30), **_tol(Xs, 0.2, 30),
             note="only +1 labels: b grows while margins are below 1"),
        Case("edge/bias_only_feature_zero", (np.zeros((4, 2)), np.array([1, 1, 1, 0], dtype=np.int64),
                                             0.5, 0.5, 6), atol=1e-12, rtol=1e-12,
             note="X = 0: w stays 0, only the (unregularised) bias moves"),
        Case("edge/strong_regularisation", (Xs, ys, 10.0, 0.05, 40), **_tol(Xs, 0.05, 40)),
        Case("edge/single_sample", (np.array([[0.5, -2.0]]), np.array([0], dtype=np.int64), 0.1, 0.25, 8),
             **_tol(two, 0.25, 8)),
    ]  # fmt: skip

    while True:
        Xh, yh = _blobs(rng, 60, 4, 1.0, scale=300.0)
        if _margins_clear(Xh, yh, 1e-3, 1e-5, 100):
            break
    Xi = rng.integers(-4, 5, size=(16, 3)).astype(f)
    yi = (Xi @ np.array([1.0, -1.0, 0.5]) > 0).astype(np.int64)
    cases += [
        Case("hard/large_feature_scale", (Xh, yh, 1e-3, 1e-5, 100), **_tol(Xh, 1e-5, 100),
             note="features ~300, tiny learning rate"),
        Case("hard/integer_data_boundary_hits", (Xi, yi, 0.0, 0.125, 60), atol=1e-12, rtol=1e-12,
             note="integer data, lr = 1/8, n = 16: exact arithmetic, margins land on 1"),
    ]  # fmt: skip

    while True:
        XL, yL = _blobs(rng, 1500, 16, 1.0)
        if _margins_clear(XL, yL, 0.01, 0.1, 150):
            break
    cases.append(
        Case("large/n=1500,d=16,epochs=150", (XL, yL, 0.01, 0.1, 150), **_tol(XL, 0.1, 150))
    )
    return cases
