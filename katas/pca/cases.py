"""Generated cases for `pca`: anisotropic data, sign convention, wide data, offsets, tiny variances, large."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case

EPS = np.finfo(np.float64).eps


def _rotation(rng: np.random.Generator, d: int) -> np.ndarray:
    q, r = np.linalg.qr(rng.normal(size=(d, d)))
    return q * np.sign(np.diag(r))


def _spectrum(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (descending, a trailing 0 appended) and eigenvectors (rows) of Xcᵀ Xc."""
    Xc = X - X.mean(0)
    lam, V = np.linalg.eigh(Xc.T @ Xc)
    return np.append(lam[::-1], 0.0), V[:, ::-1].T


def _well_posed(X: np.ndarray, k: int) -> bool:
    """Distinct top-k variances and a clear largest-|value| entry in each component."""
    lam, vt = _spectrum(X)
    if np.any(lam[:k] - lam[1 : k + 1] < 0.05 * lam[:k]):
        return False
    if vt.shape[1] == 1:
        return True
    top2 = -np.sort(-np.abs(vt[:k]), axis=1)[:, :2]
    return bool(np.all(top2[:, 0] - top2[:, 1] > 1e-3))


def _tol(X: np.ndarray, k: int) -> dict[str, float]:
    """Error of a backward-stable eigen-solver on the covariance: ~ eps · λ₁ / (smallest gap).

    The components carry that error δ; the projections δ·‖x − mean‖; the variances are
    checked by `rtol` (their absolute error is ~ eps·λ₁, tiny against rtol·λₖ).
    """
    n, d = X.shape
    lam, _ = _spectrum(X)
    gap = float(np.min(lam[:k] - lam[1 : k + 1]))
    delta = 100 * EPS * lam[0] / gap
    delta += 10 * EPS * float(np.abs(X).max()) * np.sqrt(n * d * lam[0]) / gap  # X - mean rounding
    rows = float(np.linalg.norm(X - X.mean(0), axis=1).max())
    return {"atol": max(delta, 1e-12) * (1.0 + rows), "rtol": 1e-7}


def _sample(
    rng: np.random.Generator, n: int, d: int, scales: np.ndarray, offset: float
) -> np.ndarray:
    return (rng.normal(size=(n, d)) * scales) @ _rotation(rng, d) + offset * rng.normal(size=d)


def _draw(
    rng: np.random.Generator, n: int, d: int, k: int, scales: np.ndarray, offset: float = 3.0
):
    while True:
        X = _sample(rng, n, d, scales, offset)
        if _well_posed(X, k):
            return X


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(10):
        n, d = int(rng.integers(10, 80)), int(rng.integers(2, 7))
        k = int(rng.integers(1, d + 1))
        scales = np.sort(rng.uniform(0.2, 6.0, size=d))[::-1]
        X = _draw(rng, n, d, k, scales)
        cases.append(Case(f"typical[{i}]", (X, k), **_tol(X, k), note=f"n={n}, d={d}, k={k}"))

    axis = np.array([[2.0, 0.1, 0.0], [-2.0, -0.1, 0.0], [0.0, 1.0, 0.3], [0.0, -1.0, -0.3],
                     [0.0, 0.0, 0.5], [0.0, 0.0, -0.5]]) + 7.0  # fmt: skip
    neg = np.outer(np.array([-2.0, -1.0, 1.0, 2.0, 0.5]), np.array([0.6, -0.8]))
    neg += np.outer(np.array([0.1, -0.2, 0.2, -0.1, 0.0]), np.array([0.8, 0.6]))
    wide = _draw(rng, 6, 12, 3, np.linspace(5.0, 0.5, 12))
    const = _draw(rng, 30, 4, 3, np.array([4.0, 2.0, 1.0, 0.5]))
    const = np.hstack([const, np.full((30, 1), -4.0)])
    centred = _draw(rng, 25, 3, 3, np.array([3.0, 1.5, 0.4]))
    centred = centred - centred.mean(0)
    two = np.array([[1.0, -3.0, 2.0], [4.0, 1.0, 1.0]])
    one_d = rng.normal(size=(9, 1)) * 2 + 5
    full = _draw(rng, 40, 5, 5, np.array([5.0, 3.0, 2.0, 1.0, 0.5]))
    cases += [
        Case("edge/axis_aligned", (axis, 3), **_tol(axis, 3),
             note="components close to the unit vectors, each with a positive largest entry"),
        Case("edge/largest_entry_negative", (neg, 2), **_tol(neg, 2),
             note="top direction ±(0.6, −0.8): the convention gives (−0.6, 0.8), not first-entry-positive"),
        Case("edge/wide_n<d", (wide, 3), **_tol(wide, 3), note="n=6 < d=12"),
        Case("edge/constant_feature", (const, 3), **_tol(const, 3), note="a zero-variance column"),
        Case("edge/already_centred", (centred, 2), **_tol(centred, 2)),
        Case("edge/two_samples", (two, 1), **_tol(two, 1), note="rank 1: the direction of x₁ − x₀"),
        Case("edge/single_feature", (one_d, 1), **_tol(one_d, 1), note="component [1.0], ratio 1"),
        Case("edge/k_equals_d", (full, 5), **_tol(full, 5), note="the ratios sum to 1"),
        Case("edge/k=1", (full, 1), **_tol(full, 1)),
    ]  # fmt: skip

    off = _draw(rng, 50, 3, 2, np.array([3.0, 1.0, 0.2]), offset=0.0) + np.array([1e6, -2e6, 5e5])
    tiny = _draw(rng, 60, 3, 2, np.array([1.0, 1e-3, 1e-6]), offset=1.0)
    aniso = _draw(rng, 80, 4, 3, np.array([100.0, 10.0, 1.0, 0.1]), offset=0.0)
    cases += [
        Case("hard/offset_1e6", (off, 2), **_tol(off, 2), note="means ~1e6, std ~1: centring is essential"),
        Case("hard/tiny_variance_direction", (tiny, 2), **_tol(tiny, 2), note="scales 1, 1e-3, 1e-6"),
        Case("hard/scales_100_to_0.1", (aniso, 3), **_tol(aniso, 3)),
    ]  # fmt: skip

    big = _draw(rng, 3000, 40, 8, np.geomspace(10.0, 0.1, 40))
    cases.append(Case("large/n=3000,d=40,k=8", (big, 8), **_tol(big, 8)))
    return cases
