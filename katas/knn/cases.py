"""Generated cases for `knn_predict`: random data, every tie rule, exact matches, near-ties, large."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case


def _f(rows: list[list[float]]) -> np.ndarray:
    return np.array(rows, dtype=np.float64)


def _i(vals: list[int]) -> np.ndarray:
    return np.array(vals, dtype=np.int64)


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(10):
        n, d, m = int(rng.integers(5, 80)), int(rng.integers(1, 5)), int(rng.integers(1, 12))
        labels = np.sort(rng.choice(20, size=int(rng.integers(2, 5)), replace=False))
        Xt = rng.normal(size=(n, d)) * 3
        yt = labels[rng.integers(0, len(labels), n)].astype(np.int64)
        Xq = rng.normal(size=(m, d)) * 3
        k = int(rng.integers(1, min(n, 9) + 1))
        cases.append(Case(f"typical[{i}]", (Xt, yt, Xq, k), note=f"n={n}, d={d}, k={k}"))
    for i in range(4):  # small integer grids: many exact distance and vote ties
        n, m = int(rng.integers(6, 30)), 8
        Xt = rng.integers(-3, 4, size=(n, 2)).astype(np.float64)
        yt = rng.choice(np.array([0, 3, 7]), size=n).astype(np.int64)
        Xq = rng.integers(-3, 4, size=(m, 2)).astype(np.float64)
        k = int(rng.integers(1, min(n, 6) + 1))
        cases.append(Case(f"typical[{i + 10}]/integer_grid", (Xt, yt, Xq, k),
                          note=f"integer coordinates, k={k}: exact ties everywhere"))  # fmt: skip

    line = _f([[0.0], [1.0], [2.0], [3.0]])
    cases += [
        Case("edge/distance_tie_smaller_index", (_f([[1.0], [-1.0]]), _i([5, 2]), _f([[0.0]]), 1),
             note="both at distance 1: index 0 (label 5) is nearer"),
        Case("edge/distance_tie_smaller_index_rev", (_f([[-1.0], [1.0]]), _i([2, 5]), _f([[0.0]]), 1),
             note="both at distance 1: index 0 (label 2)"),
        Case("edge/distance_tie_at_kth", (_f([[0.0], [2.0], [-2.0], [2.0]]), _i([1, 4, 0, 0]),
                                         _f([[0.0]]), 2),
             note="three points at distance 2 compete for the 2nd place: index 1 wins"),
        Case("edge/vote_tie_nearest_member", (line, _i([3, 1, 1, 3]), _f([[0.1]]), 4),
             note="2 votes each; label 3's nearest member is closest (not the smallest label 1)"),
        Case("edge/vote_tie_distance_tie", (_f([[-1.0], [1.0], [5.0]]), _i([9, 0, 0]), _f([[0.0]]), 2),
             note="1 vote each at equal distance: index 0's label 9"),
        Case("edge/three_way_vote_tie", (_f([[4.0], [1.0], [2.0], [9.0]]), _i([6, 2, 4, 0]),
                                        _f([[3.2]]), 3),
             note="labels 6, 4, 2 get one vote each: 6 is nearest (|4-3.2| = 0.8), not the smallest"),
        Case("edge/majority_beats_nearest", (line, _i([1, 0, 0, 1]), _f([[0.0]]), 3),
             note="nearest is label 1, but 0 has 2 of 3 votes"),
        Case("edge/query_equals_training_point", (line, _i([0, 1, 2, 3]), _f([[2.0], [0.0]]), 1),
             note="distance 0 counts: a training point equal to the query is its nearest neighbour"),
        Case("edge/duplicate_training_points", (_f([[0.0], [0.0], [0.0], [1.0]]), _i([2, 1, 1, 2]),
                                                _f([[0.0], [0.0]]), 1),
             note="three points at distance 0: index 0"),
        Case("edge/k_equals_n", (line, _i([4, 4, 1, 1]), _f([[3.0], [0.0], [1.5]]), 4),
             note="every point votes; 2-2 ties go to the label of the nearest point"),
        Case("edge/k=1", (line, _i([0, 1, 2, 3]), _f([[0.4], [0.6], [2.5], [9.0]]), 1),
             note="2.5 is equidistant from indices 2 and 3: index 2"),
        Case("edge/single_training_point", (_f([[1.0, 1.0]]), _i([7]), _f([[5.0, -5.0], [0.0, 0.0]]), 1)),
        Case("edge/no_queries", (line, _i([0, 1, 0, 1]), np.zeros((0, 1)), 2),
             note="m = 0: an empty int64 array of shape [0]"),
        Case("edge/square_corners_tie", (_f([[0, 0], [2, 2], [0, 2], [2, 0], [9, 9]]),
                                         _i([8, 1, 1, 8, 1]), _f([[1.0, 1.0]]), 2),
             note="four corners at distance √2: indices 0 and 1 vote, 1-1 tie -> label 8"),
        Case("edge/noncontiguous_labels", (line, _i([42, 0, 42, 7]), _f([[1.2]]), 3)),
    ]  # fmt: skip

    base = rng.normal(size=(1, 3)) * 5
    near = base + _f([[1.0, 0, 0], [0, -1.0 - 1e-9, 0], [0, 0, 1.0 + 2e-9], [4, 0, 0]])
    cases += [
        Case("hard/near_tie_1e-9", (near, _i([0, 1, 2, 1]), base.copy(), 2),
             note="distances 1, 1+1e-9, 1+2e-9: no tie, order by distance"),
        Case("hard/near_tie_vote", (near, _i([5, 6, 6, 5]), base.copy(), 3),
             note="labels 5, 6, 6 -> 6"),
        Case("hard/many_duplicates", (np.repeat(line, 5, axis=0), _i(list(range(20))),
                                      _f([[1.0], [2.4], [-7.0]]), 7),
             note="each point repeated 5 times with distinct labels: ties decided by index"),
    ]  # fmt: skip

    n, m, d = 2000, 120, 6
    Xt = rng.normal(size=(n, d))
    yt = (Xt[:, 0] + Xt[:, 1] > 0).astype(np.int64) * 3 + (Xt[:, 2] > 0)
    cases.append(Case("large/n=2000,m=120,d=6,k=10", (Xt, yt, rng.normal(size=(m, d)), 10)))
    Xi = rng.integers(0, 6, size=(1000, 2)).astype(np.float64)
    cases.append(Case("large/integer_grid_ties", (Xi, rng.integers(0, 4, 1000).astype(np.int64),
                                                  rng.integers(0, 6, size=(80, 2)).astype(np.float64),
                                                  16)))  # fmt: skip
    return cases
