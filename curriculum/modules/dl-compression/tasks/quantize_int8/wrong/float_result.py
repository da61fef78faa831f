# returns q as a float array (the rounded values) instead of converting it to np.int8
import numpy as np


def quantize_int8(w):
    w = np.asarray(w, dtype=np.float64)
    m = float(np.max(np.abs(w)))
    scale = m / 127.0 if m > 0 else 1.0
    return np.clip(np.round(w / scale), -127, 127), scale
