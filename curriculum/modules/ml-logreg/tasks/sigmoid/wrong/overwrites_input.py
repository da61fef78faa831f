# writes the result into the caller's float array (out = z) to save memory: the caller's logits are replaced by probabilities
import numpy as np


def sigmoid(z):
    if not isinstance(z, np.ndarray):
        z = np.array(z, dtype=np.float64)
    out = z
    pos = z >= 0
    e = np.exp(-np.abs(z))
    out[pos] = 1.0 / (1.0 + e[pos])
    out[~pos] = e[~pos] / (1.0 + e[~pos])
    return out
