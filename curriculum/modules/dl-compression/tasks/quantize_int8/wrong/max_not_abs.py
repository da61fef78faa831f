# takes the scale from max(w) instead of max(|w|), so a large negative weight is clipped
import numpy as np


def quantize_int8(w):
    w = np.asarray(w, dtype=np.float64)
    m = float(np.max(w))
    scale = m / 127.0 if m > 0 else 1.0
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale
