# draws one mask per feature and broadcasts it over all rows, so every example drops the same units
import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=np.float64)
    if not train:
        return x.copy()
    keep = rng.random(x.shape[-1]) >= p
    return np.where(keep, x / (1.0 - p), 0.0)
