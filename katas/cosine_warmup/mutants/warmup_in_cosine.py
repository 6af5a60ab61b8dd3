"""The cosine phase counts from step 0, over total_steps, warmup included."""

from __future__ import annotations

import math


def cosine_warmup_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    progress = step / max(1, total_steps)
    progress = min(progress, 1.0)
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
