# uses sliding_window_view, which raises ValueError when the window is longer than the data instead of returning all NaN
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def rolling_mean(x, window):
    x = np.asarray(x, dtype=np.float64)
    out = np.full(len(x), np.nan)
    out[window - 1:] = sliding_window_view(x, window).mean(axis=1)
    return out
