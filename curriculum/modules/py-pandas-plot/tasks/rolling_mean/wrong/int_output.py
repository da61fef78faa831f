# builds the output from the input's dtype (np.zeros_like(x)): on integer input the means are truncated and NaN cannot be stored
import numpy as np


def rolling_mean(x, window):
    x = np.asarray(x)
    out = np.zeros_like(x)
    n = len(x)
    if window > n:
        return np.full(n, np.nan)
    c = np.concatenate([[0], np.cumsum(x)])
    out[window - 1:] = (c[window:] - c[:-window]) / window
    return np.where(np.arange(n) < window - 1, np.nan, out)
