# applies the alpha / r scale to dB only and forgets it in dA
import numpy as np


def lora_grads(x, W0, A, B, alpha, r, dh):
    x, A, B, dh = (np.asarray(v, dtype=np.float64) for v in (x, A, B, dh))
    s = alpha / r
    u = x @ A.T
    dB = s * dh.T @ u
    dA = (dh @ B).T @ x
    return dA, dB
