# averages whatever values exist at the start (like min_periods=1) instead of leaving the first window−1 positions NaN
import numpy as np


def rolling_mean(x, window):
    x = np.asarray(x, dtype=np.float64)
    c = np.concatenate([[0.0], np.cumsum(x)])
    i = np.arange(1, len(x) + 1)
    lo = np.maximum(i - window, 0)
    return (c[i] - c[lo]) / (i - lo)
