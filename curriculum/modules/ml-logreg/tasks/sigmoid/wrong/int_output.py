# fills an output made with np.zeros_like(z): for an integer z every value is truncated to 0 or 1
import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    out = np.zeros_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out
