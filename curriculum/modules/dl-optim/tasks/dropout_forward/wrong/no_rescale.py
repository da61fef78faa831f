# plain dropout: kept units are not scaled by 1/(1 − p), so the expected output shrinks to (1 − p)·x
import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=np.float64)
    if not train:
        return x.copy()
    keep = rng.random(x.shape) >= p
    return np.where(keep, x, 0.0)
