"""numpy in the input dtype: move the normalised axes to the end, flatten them, normalise rows."""

import numpy as np
import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    a = x.numpy()
    nd = a.ndim
    if axis is None:
        axes = list(range(nd))
    else:
        axes = [ax % nd for ax in (axis if isinstance(axis, tuple) else (axis,))]
    rest = [i for i in range(nd) if i not in axes]
    moved = np.transpose(a, rest + axes)
    inner = int(np.prod([a.shape[i] for i in axes], dtype=np.int64))
    rows = moved.reshape(int(np.prod([a.shape[i] for i in rest], dtype=np.int64)), inner)
    norms = np.sqrt(np.maximum((rows * rows).sum(axis=1, keepdims=True), a.dtype.type(epsilon)))
    out = (rows / norms).reshape(moved.shape)
    back = np.argsort(rest + axes)
    return torch.from_numpy(np.ascontiguousarray(np.transpose(out, back)))
