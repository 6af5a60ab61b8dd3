def fm_predict(x, w0, w, V):
    return w0 + x @ w + ((x @ V) ** 2 - (x**2) @ (V**2)).sum(axis=1)
