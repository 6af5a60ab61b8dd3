"""Pure-Python loops over box tuples (converted to floats), returning tensors."""

import torch


def _iou(p, q):
    w = min(p[2], q[2]) - max(p[0], q[0])
    h = min(p[3], q[3]) - max(p[1], q[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter
    return inter / union


def box_iou(a, b):
    la, lb = a.tolist(), b.tolist()
    out = [[_iou(p, q) for q in lb] for p in la]
    return torch.tensor(out, dtype=a.dtype).reshape(len(la), len(lb))


def nms(boxes, scores, iou_threshold):
    bl, sl = boxes.tolist(), scores.tolist()
    order = sorted(range(len(sl)), key=lambda i: (-sl[i], i))
    keep = []
    for i in order:
        if all(_iou(bl[i], bl[j]) <= iou_threshold for j in keep):
            keep.append(i)
    return torch.tensor(keep, dtype=torch.int64)
