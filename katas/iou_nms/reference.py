"""Reference IoU (float64 inside) and greedy NMS."""

from __future__ import annotations

import torch


def box_iou(a, b):
    a64, b64 = a.double(), b.double()
    area_a = (a64[:, 2] - a64[:, 0]) * (a64[:, 3] - a64[:, 1])
    area_b = (b64[:, 2] - b64[:, 0]) * (b64[:, 3] - b64[:, 1])
    lt = torch.maximum(a64[:, None, :2], b64[None, :, :2])
    rb = torch.minimum(a64[:, None, 2:], b64[None, :, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[..., 0] * wh[..., 1]
    return (inter / (area_a[:, None] + area_b[None, :] - inter)).to(a.dtype)


def nms(boxes, scores, iou_threshold):
    # descending score, ties by lower index: sort by (-score, index)
    order = sorted(range(len(scores)), key=lambda i: (-float(scores[i]), i))
    order = torch.tensor(order, dtype=torch.int64)
    iou = box_iou(boxes.double(), boxes.double())
    keep = []
    suppressed = torch.zeros(len(order), dtype=torch.bool)
    for i in order.tolist():
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > iou_threshold
    return torch.tensor(keep, dtype=torch.int64)
