# drops and rescales the caller's x in place (x[~keep] = 0; x /= 1 − p), so the input array changes
import numpy as np


def dropout_forward(x, p, rng, train=True):
    if not train:
        return x
    keep = rng.random(x.shape) >= p
    x[~keep] = 0.0
    x /= 1.0 - p
    return x
