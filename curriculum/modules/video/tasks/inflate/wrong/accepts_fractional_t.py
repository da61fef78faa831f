# checks only T < 1, so T = 2.5 silently gives 2 slices of w/2.5 instead of a ValueError
import numpy as np


def inflate(w2d, T):
    if T < 1:
        raise ValueError("T must be positive")
    w2d = np.asarray(w2d, dtype=np.float64)
    return np.repeat(w2d[:, :, np.newaxis], int(T), axis=2) / T
