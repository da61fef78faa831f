# merges into the caller's W0 (W0 += ...), so the frozen base weight is changed
import numpy as np


def lora_forward(x, W0, A, B, alpha, r):
    x = np.asarray(x, dtype=np.float64)
    return x @ np.asarray(W0).T + (alpha / r) * ((x @ np.asarray(A).T) @ np.asarray(B).T)


def lora_merge(W0, A, B, alpha, r):
    W0 += (alpha / r) * (B @ A)
    return W0


def lora_num_params(d_in, d_out, r):
    return int(r * (d_in + d_out))
