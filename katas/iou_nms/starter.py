"""Kata `iou_nms`: box IoU and greedy non-maximum suppression.

Write both functions; keep their names and signatures.
Check it with `mlprep kata iou_nms` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def box_iou(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """a [N, 4], b [M, 4] as (x1, y1, x2, y2) -> IoU matrix [N, M]."""
    raise NotImplementedError("box_iou is not written yet")


def nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: float) -> torch.Tensor:
    """Indices (int64) of the kept boxes, by descending score (ties: lower index first).

    A box is suppressed when its IoU with a kept box is > iou_threshold.
    """
    raise NotImplementedError("nms is not written yet")
