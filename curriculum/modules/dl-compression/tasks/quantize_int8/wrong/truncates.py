# converts w / scale to int8 directly (truncation towards 0) instead of rounding first
import numpy as np


def quantize_int8(w):
    w = np.asarray(w, dtype=np.float64)
    m = float(np.max(np.abs(w)))
    scale = m / 127.0 if m > 0 else 1.0
    return np.clip(w / scale, -127, 127).astype(np.int8), scale
