def fm_predict(x, w0, w, V):
    return w0 + x @ w + 0.5 * ((x @ V) ** 2 - x @ (V**2)).sum(axis=1)
