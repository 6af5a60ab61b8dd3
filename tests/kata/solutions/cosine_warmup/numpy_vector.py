"""Correct, written differently: numpy, a multiplier in [0, 1] as in Hugging Face's lr_lambda,
rescaled to [min_lr / base_lr, 1]; returns a numpy float64."""

import numpy as np


def cosine_warmup_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return np.float64(base_lr) * step / max(1, warmup_steps)
    progress = np.clip((step - warmup_steps) / max(1, total_steps - warmup_steps), 0.0, 1.0)
    factor = 0.5 * (1.0 + np.cos(np.pi * progress))
    floor = min_lr / base_lr
    return np.float64(base_lr * (floor + (1.0 - floor) * factor))
