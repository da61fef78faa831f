# updates the caller's cell state in place (c *= f; c += i ⊙ g)
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_step(x, h, c, W, U, b):
    a = np.asarray(x, dtype=np.float64) @ W + np.asarray(h, dtype=np.float64) @ U + b
    H = a.shape[-1] // 4
    i = _sigmoid(a[:, 0:H])
    f = _sigmoid(a[:, H:2 * H])
    g = np.tanh(a[:, 2 * H:3 * H])
    o = _sigmoid(a[:, 3 * H:4 * H])
    c *= f
    c += i * g
    return o * np.tanh(c), c
