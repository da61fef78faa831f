# differences the cumulative sum without a leading 0: every window is shifted and misses its first value
import numpy as np


def rolling_mean(x, window):
    x = np.asarray(x, dtype=np.float64)
    out = np.full(len(x), np.nan)
    if window > len(x):
        return out
    c = np.cumsum(x)
    out[window:] = (c[window:] - c[:-window]) / window
    return out
