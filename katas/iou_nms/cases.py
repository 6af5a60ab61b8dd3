"""Generated cases for `iou_nms`: every case checks box_iou(boxes, other_boxes) and nms(...).

Random cases keep every pairwise IoU well away from the threshold (float32 and float64
solutions then agree); threshold equality is tested with integer boxes whose IoU is exact.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples

TOL = {"atol": 1e-6, "rtol": 1e-5}
MARGIN = 1e-4


def invoke(solution, boxes, scores, iou_threshold, other_boxes):
    return {
        "box_iou(boxes, other_boxes)": solution.box_iou(boxes, other_boxes),
        "nms(boxes, scores, iou_threshold)": solution.nms(boxes, scores, iou_threshold),
    }


def _iou64(a, b):
    a, b = a.double(), b.double()
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    wh = (
        torch.minimum(a[:, None, 2:], b[None, :, 2:])
        - torch.maximum(a[:, None, :2], b[None, :, :2])
    ).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def _boxes(g, n, extent=100.0, size=(5.0, 40.0), dtype=torch.float32):
    xy = torch.rand(n, 2, generator=g, dtype=torch.float64) * extent
    wh = size[0] + torch.rand(n, 2, generator=g, dtype=torch.float64) * (size[1] - size[0])
    return torch.cat([xy, xy + wh], dim=1).to(dtype)


def _clusters(g, n_clusters, per, jitter=4.0, dtype=torch.float32):
    """Boxes jittered around a few centres: many overlaps, as detector outputs are."""
    centres = _boxes(g, n_clusters, dtype=torch.float64)
    out = centres.repeat_interleave(per, dim=0)
    out = out + torch.randn(out.shape, generator=g, dtype=torch.float64) * jitter
    lo = torch.minimum(out[:, :2], out[:, 2:] - 1.0)
    return torch.cat([lo, out[:, 2:]], dim=1).to(dtype)


def _threshold_ok(boxes, thr):
    iou = _iou64(boxes, boxes)
    off = ~torch.eye(len(boxes), dtype=torch.bool)
    return bool(((iou - thr).abs()[off] > MARGIN).all())


def _pick_threshold(g, boxes, choices=(0.3, 0.45, 0.5, 0.6, 0.7)):
    start = int(torch.randint(0, len(choices), (1,), generator=g))
    for j in range(len(choices)):
        thr = choices[(start + j) % len(choices)]
        if _threshold_ok(boxes, thr):
            return thr
    raise RuntimeError("no safe threshold; change the generator")


def _scores(g, n, dtype=torch.float32, ties=False):
    if ties:
        return (torch.randint(0, 4, (n,), generator=g).double() / 4).to(dtype)
    return torch.rand(n, generator=g, dtype=torch.float64).to(dtype)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def add(name, boxes, scores, thr, other, note=""):
        cases.append(Case(name, (boxes, scores, thr, other), **TOL, note=note))

    for i in range(10):
        for _ in range(100):
            boxes = _clusters(g, rint(1, 4), rint(2, 5)) if i % 2 else _boxes(g, rint(2, 15))
            try:
                thr = _pick_threshold(g, boxes)
                break
            except RuntimeError:
                continue
        other = _boxes(g, rint(1, 8))
        n = len(boxes)
        add(f"typical[{i}]", boxes, _scores(g, n, ties=i % 3 == 2), thr, other,
            note=f"N={n}, threshold {thr}")  # fmt: skip

    t = torch.tensor
    # exact IoU values from integer boxes
    square = t([[0.0, 0.0, 4.0, 4.0]])
    half = t([[0.0, 0.0, 4.0, 2.0]])  # IoU with square = 8 / 16 = 0.5 exactly
    add("edge/iou_equals_threshold_kept", torch.cat([square, half]), t([0.9, 0.8]), 0.5,
        torch.cat([square, half]), note="IoU exactly 0.5, threshold 0.5: both kept")  # fmt: skip
    add("edge/iou_just_above_threshold", torch.cat([square, half]), t([0.9, 0.8]), 0.4999,
        square, note="IoU 0.5 > 0.4999: suppressed")  # fmt: skip
    touching = t([[0.0, 0.0, 2.0, 2.0], [2.0, 0.0, 4.0, 2.0], [0.0, 2.0, 2.0, 4.0],
                  [2.0, 2.0, 4.0, 4.0]])  # fmt: skip
    add("edge/touching_threshold_0", touching, t([0.1, 0.4, 0.3, 0.2]), 0.0, touching,
        note="IoU 0 everywhere, threshold 0: nothing suppressed")  # fmt: skip
    apart = t([[0.0, 0.0, 1.0, 1.0], [3.0, 3.0, 4.0, 4.0], [-2.0, 5.0, 0.5, 6.0]])
    add("edge/diagonal_apart", apart, t([0.5, 0.7, 0.6]), 0.0, apart,
        note="apart on both axes: IoU 0 (clamp negative sides)")  # fmt: skip
    add("edge/nested_box", t([[0.0, 0.0, 10.0, 10.0], [2.0, 2.0, 4.0, 4.0]]), t([0.2, 0.9]),
        0.03, t([[1.0, 1.0, 3.0, 3.0]]), note="IoU 0.04 > 0.03: the big box is suppressed")  # fmt: skip
    same = t([[1.0, 1.0, 5.0, 5.0]] * 4)
    add("edge/identical_boxes_tied_scores", same, t([0.5, 0.9, 0.9, 0.1]), 0.5, same,
        note="equal scores: the lower index is kept")  # fmt: skip
    chain = t([[0.0, 0.0, 10.0, 10.0], [6.0, 0.0, 16.0, 10.0], [12.0, 0.0, 22.0, 10.0]])
    add("edge/chain_suppression", chain, t([0.9, 0.8, 0.7]), 0.2, chain,
        note="A suppresses B; C overlaps only B, so C is kept")  # fmt: skip
    add("edge/scores_reverse_of_index", chain, t([0.1, 0.5, 0.9]), 0.2, chain)
    add("edge/single_box", t([[1.0, 2.0, 3.0, 5.0]]), t([0.3]), 0.5, t([[0.0, 0.0, 2.0, 3.0]]))
    add("edge/empty", torch.zeros(0, 4), torch.zeros(0), 0.5, _boxes(g, 3), note="N=0")
    add("edge/empty_other", _boxes(g, 3, extent=500.0), t([0.3, 0.2, 0.1]), 0.5,
        torch.zeros(0, 4), note="M=0")  # fmt: skip
    small = _boxes(g, 6, extent=3.0, size=(0.2, 1.5))
    add("edge/small_boxes", small, _scores(g, 6), _pick_threshold(g, small), small,
        note="sides below 1: the +1 convention is far off")  # fmt: skip
    b64 = _clusters(g, 2, 4, dtype=torch.float64)
    add("edge/float64", b64, _scores(g, 8, torch.float64), _pick_threshold(g, b64),
        _boxes(g, 3, dtype=torch.float64))  # fmt: skip
    cases[-1] = Case(cases[-1].name, cases[-1].args, atol=1e-12, rtol=1e-10)

    for _ in range(100):
        boxes = _clusters(g, 60, 8, jitter=6.0)
        if _threshold_ok(boxes, 0.5):
            break
    add("large/N=480,clustered", boxes, _scores(g, 480), 0.5, _boxes(g, 40))

    # hypothesis: small integer boxes (exact IoUs, ties, thresholds hit exactly)
    from hypothesis import strategies as st

    box = st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(1, 3), st.integers(1, 3))
    drawn = hypothesis_examples(
        st.tuples(st.lists(st.tuples(box, st.integers(0, 3)), min_size=1, max_size=6),
                  st.sampled_from([0.0, 0.25, 0.5, 1 / 3])),
        40,
        seed,
    )  # fmt: skip
    seen = set()
    for items, thr in drawn:
        key = (tuple(items), thr)
        if key in seen:
            continue
        seen.add(key)
        boxes = t([[x, y, x + w, y + h] for (x, y, w, h), _ in items], dtype=torch.float32)
        scores = t([s / 4 for _, s in items], dtype=torch.float32)
        if thr == 1 / 3 and not _threshold_ok(boxes, thr):
            continue  # 1/3 is not exact in floating point
        add(f"property[{len(seen) - 1}]", boxes, scores, thr, boxes, note="integer boxes")
        if len(seen) == 20:
            break
    return cases
