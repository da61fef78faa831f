# ignores the rng argument and makes its own np.random.default_rng(0), so every call drops the same units
import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=np.float64)
    if not train:
        return x.copy()
    keep = np.random.default_rng(0).random(x.shape) >= p
    return np.where(keep, x / (1.0 - p), 0.0)
