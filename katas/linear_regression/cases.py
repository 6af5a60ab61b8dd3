"""Generated cases for `linear_regression`: closed form (ridge) and batch GD, edges, ill-conditioned X."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case

EPS = np.finfo(np.float64).eps


def _data(rng: np.random.Generator, n: int, d: int, offset: float = 0.0, noise: float = 0.5):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + offset
    w = rng.normal(size=d)
    b = float(rng.normal(scale=3.0))
    return X, X @ w + b + rng.normal(scale=noise, size=n)


def _closed_tol(X: np.ndarray, y: np.ndarray, lam: float) -> dict[str, float]:
    """Forward error of the normal equations: ~ κ(Xc)² · eps · |w| (κ of the regularised system)."""
    n = X.shape[0]
    s = np.linalg.svd(X - X.mean(0), compute_uv=False)
    s2 = s**2 + n * lam
    kappa2 = float(s2.max() / s2.min())
    scale = float(np.abs(y).max() + 1.0) * (1.0 + float(np.abs(X).max()))
    return {"atol": max(1e-10, 50 * EPS * kappa2) * scale, "rtol": max(1e-9, 50 * EPS * kappa2)}


def _lr(X: np.ndarray, lam: float, c: float) -> float:
    """c / L, L = the largest eigenvalue of the Hessian of the objective in (w, b)."""
    Xa = np.hstack([X, np.ones((len(X), 1))])
    return c / float(np.linalg.eigvalsh(Xa.T @ Xa / len(X)).max() + lam)


GD_TOL = {"atol": 1e-9, "rtol": 1e-8}


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(7):
        n, d = int(rng.integers(8, 60)), int(rng.integers(1, 6))
        X, y = _data(rng, n, d, offset=float(rng.normal(scale=2.0)))
        lam = [0.0, 0.1, 1.0, 0.01, 0.0, 5.0, 0.3][i]
        cases.append(Case(f"typical[{i}]/closed", (X, y, lam, "closed", 0.0, 0),
                          **_closed_tol(X, y, lam), note=f"lam={lam}"))  # fmt: skip
    for i in range(7):
        n, d = int(rng.integers(5, 60)), int(rng.integers(1, 6))
        X, y = _data(rng, n, d, offset=float(rng.normal()))
        lam = [0.0, 0.1, 1.0, 0.0, 0.5, 0.0, 2.0][i]
        steps = int(rng.integers(1, 120))
        lr = _lr(X, lam, float(rng.uniform(0.1, 1.0)))
        cases.append(Case(f"typical[{i + 7}]/gd", (X, y, lam, "gd", lr, steps), **GD_TOL,
                          note=f"lam={lam}, lr={lr:.4g}, steps={steps}"))  # fmt: skip

    X2 = np.array([[1.0], [3.0]])
    y2 = np.array([2.0, 8.0])
    Xs, ys = _data(rng, 10, 3, offset=4.0)
    const = np.hstack([Xs, np.full((10, 1), 7.0)])
    dup = np.hstack([Xs, Xs[:, :1]])
    cases += [
        Case("edge/two_points_exact", (X2, y2, 0.0, "closed", 0.0, 0), **_closed_tol(X2, y2, 0.0),
             note="w = 3, b = -1"),
        Case("edge/square_exact_fit", (Xs[:4], ys[:4], 0.0, "closed", 0.0, 0),
             **_closed_tol(Xs[:4], ys[:4], 0.0), note="n = d + 1: the fit is exact"),
        Case("edge/constant_y", (Xs, np.full(10, -2.5), 0.7, "closed", 0.0, 0), **_closed_tol(Xs, ys, 0.7),
             note="w = 0, b = -2.5"),
        Case("edge/huge_lam", (Xs, ys, 1e6, "closed", 0.0, 0), **_closed_tol(Xs, ys, 1e6),
             note="w ≈ 0 and b ≈ mean(y) (b is not shrunk)"),
        Case("edge/constant_feature_ridge", (const, ys, 0.2, "closed", 0.0, 0),
             **_closed_tol(const, ys, 0.2), note="a constant column gets w = 0 under ridge"),
        Case("edge/duplicate_column_ridge", (dup, ys, 0.5, "closed", 0.0, 0),
             **_closed_tol(dup, ys, 0.5), note="singular XᵀX, ridge makes it solvable"),
        Case("edge/large_offset_intercept", (Xs + 50.0, ys, 0.3, "closed", 0.0, 0),
             **_closed_tol(Xs + 50, ys, 0.3), note="a penalised intercept shows strongly here"),
        Case("edge/gd_zero_steps", (Xs, ys, 0.1, "gd", 0.01, 0), **GD_TOL, note="w = 0, b = 0"),
        Case("edge/gd_one_step", (Xs, ys, 0.0, "gd", 0.05, 1), **GD_TOL,
             note="w = lr·Xᵀy/n, b = lr·mean(y)"),
        Case("edge/gd_two_steps_bias", (np.zeros((6, 2)), np.arange(6.0), 0.3, "gd", 0.5, 2), **GD_TOL,
             note="X = 0: only the bias moves"),
        Case("edge/gd_ridge_converged", (Xs, ys, 1.0, "gd", _lr(Xs, 1.0, 1.0), 400), **GD_TOL),
    ]  # fmt: skip

    # ill-conditioned: nearly collinear columns (κ(Xc) ~ 1e3..1e4)
    base = rng.normal(size=(40, 3))
    Xi = np.hstack([base, base[:, :1] + 1e-3 * rng.normal(size=(40, 1))])
    yi = Xi @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.1 * rng.normal(size=40)
    Xv = rng.normal(size=(30, 3)) * np.array([1e3, 1.0, 1e-2])
    yv = Xv @ np.array([1e-3, 2.0, 50.0]) + 0.01 * rng.normal(size=30)
    cases += [
        Case("hard/nearly_collinear", (Xi, yi, 0.0, "closed", 0.0, 0), **_closed_tol(Xi, yi, 0.0),
             note="two columns differ by 1e-3 noise"),
        Case("hard/nearly_collinear_tiny_ridge", (Xi, yi, 1e-6, "closed", 0.0, 0),
             **_closed_tol(Xi, yi, 1e-6)),
        Case("hard/scales_1e3_to_1e-2", (Xv, yv, 0.0, "closed", 0.0, 0), **_closed_tol(Xv, yv, 0.0)),
        Case("hard/offset_1e6", (Xs + 1e6, ys, 0.0, "closed", 0.0, 0),
             **_closed_tol(Xs + 1e6, ys, 0.0), note="centre before solving: [X, 1]ᵀ[X, 1] is ill-conditioned"),
    ]  # fmt: skip

    XL, yL = _data(rng, 4000, 40, offset=1.0)
    Xg, yg = _data(rng, 2000, 16)
    cases += [
        Case("large/closed_n=4000,d=40", (XL, yL, 0.05, "closed", 0.0, 0), **_closed_tol(XL, yL, 0.05)),
        Case("large/gd_n=2000,d=16,steps=300", (Xg, yg, 0.01, "gd", _lr(Xg, 0.01, 0.8), 300),
             **GD_TOL),
    ]  # fmt: skip
    return cases
