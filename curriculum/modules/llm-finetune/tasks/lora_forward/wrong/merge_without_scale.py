# forgets the alpha / r scale in lora_merge, so the merged layer differs from the adapter layer
import numpy as np


def lora_forward(x, W0, A, B, alpha, r):
    x = np.asarray(x, dtype=np.float64)
    return x @ np.asarray(W0).T + (alpha / r) * ((x @ np.asarray(A).T) @ np.asarray(B).T)


def lora_merge(W0, A, B, alpha, r):
    return np.asarray(W0, dtype=np.float64) + np.asarray(B) @ np.asarray(A)


def lora_num_params(d_in, d_out, r):
    return int(r * (d_in + d_out))
