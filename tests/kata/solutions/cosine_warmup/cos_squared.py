"""Correct, written differently: ½(1 + cos x) = cos²(x / 2), the phases as early returns."""

import math


def cosine_warmup_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step >= total_steps and step >= warmup_steps:
        if total_steps > warmup_steps or step > total_steps:
            return min_lr
        return base_lr  # warmup == total == step: the first (and last) cosine step
    if step < warmup_steps:
        return step / warmup_steps * base_lr
    frac = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * math.cos(math.pi * frac / 2) ** 2
