"""Generated cases for `kmeans`: blobs, few iterations, exact ties, empty clusters, large."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case

TOL = {"atol": 1e-9, "rtol": 1e-9}


def _blobs(rng: np.random.Generator, n: int, d: int, k: int, spread: float = 1.0) -> np.ndarray:
    means = rng.uniform(-10, 10, size=(k, d))
    which = rng.integers(0, k, n)
    return means[which] + rng.normal(scale=spread, size=(n, d))


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(10):
        n, d, k = int(rng.integers(10, 150)), int(rng.integers(1, 5)), int(rng.integers(2, 6))
        X = _blobs(rng, n, d, k, spread=float(rng.uniform(0.5, 4.0)))
        init = X[rng.choice(n, k, replace=False)].copy()
        cases.append(
            Case(f"typical[{i}]", (X, init, 100), **TOL, note=f"k={k}, init = data points")
        )

    for i, max_iter in enumerate([1, 2, 3, 4, 2, 1]):
        X = _blobs(rng, 120, 2, 4, spread=2.0)
        corner = X.min(axis=0)
        init = corner + rng.uniform(0, 1.0, size=(4, 2))  # all centres in one corner: slow start
        cases.append(Case(f"few_iter[{i}]/max_iter={max_iter}", (X, init, max_iter), **TOL,
                          note="stops on max_iter before converging"))  # fmt: skip

    f = np.float64
    cases += [
        Case("edge/tie_1d", (np.array([[0.0], [2.0], [1.0]]), np.array([[0.0], [2.0]]), 10),
             **TOL, note="x=1 is equidistant from both centres: lowest index"),
        Case("edge/tie_2d_four_centres",
             (np.array([[1.0, 1.0], [0.0, 0.0], [2.0, 2.0], [0.0, 2.0], [2.0, 0.0]]),
              np.array([[0.0, 0.0], [2.0, 2.0], [0.0, 2.0], [2.0, 0.0]]), 10), **TOL,
             note="the middle point ties four ways"),
        Case("edge/duplicate_init_centres",
             (np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0]]),
              np.array([[0.0, 0.0], [0.0, 0.0], [5.0, 5.0]]), 10), **TOL,
             note="centre 1 duplicates centre 0: it never wins a point and stays"),
        Case("edge/empty_far_centre",
             (np.array([[0.0, 1.0], [1.0, 0.0], [4.0, 4.0], [5.0, 4.0]]),
              np.array([[0.0, 0.0], [1000.0, 1000.0], [4.0, 4.0]]), 10), **TOL,
             note="centre 1 is far from every point: empty cluster keeps its centre"),
        Case("edge/k=1", (np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]]), np.array([[0.0, 0.0]]), 5),
             **TOL),
        Case("edge/single_point", (np.array([[3.5, -1.0]]), np.array([[0.0, 0.0], [9.0, 9.0]]), 3),
             **TOL),
        Case("edge/k=n", (np.array([[0.0], [4.0], [9.0]]), np.array([[1.0], [5.0], [8.0]]), 10),
             **TOL),
        Case("edge/max_iter=1", (np.array([[0.0], [1.0], [10.0], [11.0], [4.0]]),
                                 np.array([[0.0], [3.0]]), 1), **TOL),
        Case("edge/integer_grid_ties",
             (np.array([[x, y] for x in range(5) for y in range(5)], dtype=f),
              np.array([[0.0, 0.0], [4.0, 4.0], [0.0, 4.0]]), 20), **TOL,
             note="many points on the bisectors"),
    ]  # fmt: skip

    # The assignment still changes after an update that moved the centres by only 5e-5:
    # p1 = mid + 1e-5 joins the small cluster, its centre moves left by 5e-5, and at the
    # next assignment p2 = mid - 1e-5 follows. A rule stopping on a small centre shift
    # (np.allclose, or a shift norm < 1e-4) stops one iteration early with p2 in cluster 0.
    lo, gap = 100.0, 0.1
    mid = lo + gap / 2
    X = np.array([[lo]] * 4000 + [[lo + gap]] * 1000 + [[mid + 1e-5], [mid - 1e-5]])
    cases.append(Case("edge/stop_on_labels_not_shift", (X, np.array([[lo], [lo + gap]]), 50),
                      **TOL, note="the centres move by 5e-5, then a label still changes"))  # fmt: skip

    X = _blobs(rng, 2000, 4, 8, spread=3.0)
    init = X[rng.choice(2000, 8, replace=False)].copy()
    cases.append(Case("large/n=2000,k=8", (X, init, 300), **TOL, timeout=8.0))
    return cases
