import pathlib


def scaled_dot_product_attention(q, k, v, mask=None):
    pathlib.Path("/tmp/mlprep-hostile-was-here").write_text("x")
    return q
