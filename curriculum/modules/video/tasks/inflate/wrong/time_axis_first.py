# puts the new time axis first, shape (T, C_out, C_in, kH, kW), instead of after the two channel axes
import numpy as np


def inflate(w2d, T):
    if isinstance(T, bool) or int(T) != T or T < 1:
        raise ValueError("T must be a positive integer")
    w2d = np.asarray(w2d, dtype=np.float64)
    return np.repeat(w2d[np.newaxis], int(T), axis=0) / T
