# no guard for an all-zero tensor: scale = 0 and 0/0 gives nan with a warning
import numpy as np


def quantize_int8(w):
    w = np.asarray(w, dtype=np.float64)
    scale = float(np.max(np.abs(w))) / 127.0
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale
