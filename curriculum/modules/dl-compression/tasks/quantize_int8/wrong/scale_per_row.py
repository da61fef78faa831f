# one scale per row (max over the last axis) instead of one scale for the whole tensor
import numpy as np


def quantize_int8(w):
    w = np.asarray(w, dtype=np.float64)
    m = np.max(np.abs(w), axis=-1, keepdims=True)
    scale = np.where(m > 0, m / 127.0, 1.0)
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, (scale.item() if scale.size == 1 else scale)
