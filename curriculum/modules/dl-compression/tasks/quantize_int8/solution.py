import numpy as np


def quantize_int8(w):
    """Symmetric per-tensor int8 quantisation.

    对称的逐张量 int8 量化。
    """
    w = np.asarray(w, dtype=np.float64)
    m = float(np.max(np.abs(w))) if w.size else 0.0
    scale = m / 127.0 if m > 0 else 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale
