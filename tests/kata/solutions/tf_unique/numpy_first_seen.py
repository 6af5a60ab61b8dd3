"""numpy: a list of first-seen values and an index array filled in one loop over a dict."""

import numpy as np
import torch


def tf_unique(x, out_idx=torch.int32):
    a = x.numpy()
    seen = {}
    first = []
    idx = np.empty(a.shape[0], dtype=np.int64)
    for i, v in enumerate(a.tolist()):
        j = seen.setdefault(v, len(seen))
        if j == len(first):
            first.append(i)
        idx[i] = j
    y = torch.from_numpy(a[np.array(first, dtype=np.int64)])
    return [y, torch.from_numpy(idx).to(out_idx)]
