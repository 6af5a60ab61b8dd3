"""Warmup starts at min_lr instead of 0."""

from __future__ import annotations

import math


def cosine_warmup_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return min_lr + (base_lr - min_lr) * step / warmup_steps
    progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
    progress = min(progress, 1.0)
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
