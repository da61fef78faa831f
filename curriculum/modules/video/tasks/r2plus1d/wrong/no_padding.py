# forgets the padding (d // 2 and t // 2), so every axis shrinks by k - 1


def _out_len(n, k, s, p):
    return (n + 2 * p - k) // s + 1


def r2plus1d_plan(c_in, c_out, T, H, W, t=3, d=3, stride=1):
    m = (t * d * d * c_in * c_out) // (d * d * c_in + t * c_out)
    h2 = _out_len(H, d, stride, 0)            # the spatial convolution strides H and W
    w2 = _out_len(W, d, stride, 0)
    t2 = _out_len(T, t, stride, 0)            # the temporal convolution strides T
    return {
        "mid": m,
        "params_full": t * d * d * c_in * c_out,
        "params_factorised": d * d * c_in * m + t * m * c_out,
        "mid_shape": (m, T, h2, w2),
        "out_shape": (c_out, t2, h2, w2),
    }