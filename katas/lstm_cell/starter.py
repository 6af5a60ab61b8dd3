"""Kata `lstm_cell`: one step of an LSTM cell, in torch.nn.LSTMCell's weight layout.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata lstm_cell` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def lstm_cell(
    x: torch.Tensor,
    h: torch.Tensor,
    c: torch.Tensor,
    w_ih: torch.Tensor,
    w_hh: torch.Tensor,
    b_ih: torch.Tensor | None = None,
    b_hh: torch.Tensor | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """x [B, I], h and c [B, H], w_ih [4H, I], w_hh [4H, H], biases [4H] or None.

    Gate order i, f, g, o. Returns the tuple (h_new, c_new), each [B, H].
    """
    raise NotImplementedError("lstm_cell is not written yet")
