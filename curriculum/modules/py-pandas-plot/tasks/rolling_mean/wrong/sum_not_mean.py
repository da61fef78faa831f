# returns the rolling sum (difference of cumulative sums) and forgets to divide by the window
import numpy as np


def rolling_mean(x, window):
    x = np.asarray(x, dtype=np.float64)
    out = np.full(len(x), np.nan)
    if window > len(x):
        return out
    c = np.concatenate([[0.0], np.cumsum(x)])
    out[window - 1:] = c[window:] - c[:-window]
    return out
