# allocates the result with w2d's dtype: an integer filter comes back truncated to integers
import numpy as np


def inflate(w2d, T):
    if isinstance(T, bool) or int(T) != T or T < 1:
        raise ValueError("T must be a positive integer")
    w2d = np.asarray(w2d)
    c_out, c_in, kh, kw = w2d.shape
    out = np.empty((c_out, c_in, int(T), kh, kw), dtype=w2d.dtype)
    for t in range(int(T)):
        out[:, :, t] = w2d / T
    return out
