"""Vectorised beam search in numpy float32: a [beams, V] score matrix, np.lexsort for ties."""

from __future__ import annotations

import numpy as np


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    seqs = np.zeros((1, 0), dtype=np.int64)  # alive sequences, one per row
    scores = np.zeros(1, dtype=np.float32)
    done_seqs, done_scores = [], []
    for _ in range(max_len):
        if len(seqs) == 0:
            break
        # order alive rows lexicographically so (row, token) order = sequence order
        if seqs.shape[1]:
            order = np.lexsort(seqs.T[::-1])
            seqs, scores = seqs[order], scores[order]
        rows = np.array([step(tuple(int(t) for t in s)) for s in seqs], dtype=np.float32)
        total = scores[:, None] + rows  # [beams, V]
        n_beams, vocab = total.shape
        flat = total.ravel()
        beam_idx = np.repeat(np.arange(n_beams), vocab)
        tok_idx = np.tile(np.arange(vocab), n_beams)
        keep = np.lexsort((tok_idx, beam_idx, -flat))[:beam_width]
        new = np.concatenate([seqs[beam_idx[keep]], tok_idx[keep][:, None]], axis=1)
        new_scores = flat[keep]
        ended = new[:, -1] == eos
        done_seqs += [list(map(int, s)) for s in new[ended]]
        done_scores += list(new_scores[ended])
        seqs, scores = new[~ended], new_scores[~ended]
    all_seqs = done_seqs + [list(map(int, s)) for s in seqs]
    raw = np.array(done_scores + list(scores), dtype=np.float32)
    lengths = np.array([len(s) for s in all_seqs], dtype=np.float32)
    norm = raw / lengths ** np.float32(alpha)
    ranked = sorted(range(len(all_seqs)), key=lambda i: (-float(norm[i]), all_seqs[i]))
    return [(all_seqs[i], float(norm[i])) for i in ranked[:beam_width]]
