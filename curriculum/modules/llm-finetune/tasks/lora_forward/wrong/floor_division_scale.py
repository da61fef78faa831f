# computes the scale as alpha // r (floor division): alpha=1, r=2 gives 0 instead of 0.5
import numpy as np


def lora_forward(x, W0, A, B, alpha, r):
    x = np.asarray(x, dtype=np.float64)
    s = alpha // r
    return x @ np.asarray(W0).T + s * ((x @ np.asarray(A).T) @ np.asarray(B).T)


def lora_merge(W0, A, B, alpha, r):
    return np.asarray(W0, dtype=np.float64) + (alpha // r) * (np.asarray(B) @ np.asarray(A))


def lora_num_params(d_in, d_out, r):
    return int(r * (d_in + d_out))
