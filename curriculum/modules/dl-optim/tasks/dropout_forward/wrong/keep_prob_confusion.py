# treats p as the keep probability (Andrew Ng's keep_prob): keeps with probability p, scales by 1/p
import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x, dtype=np.float64)
    if not train or p == 0:
        return x.copy()
    keep = rng.random(x.shape) < p
    return np.where(keep, x / p, 0.0)
