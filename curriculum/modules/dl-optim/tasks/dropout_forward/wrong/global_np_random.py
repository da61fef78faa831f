# draws the mask from the global np.random instead of the given rng, so a seed does not reproduce it
import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=np.float64)
    if not train:
        return x.copy()
    keep = np.random.rand(*x.shape) >= p
    return np.where(keep, x / (1.0 - p), 0.0)
