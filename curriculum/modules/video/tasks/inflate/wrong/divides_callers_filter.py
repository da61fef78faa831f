# divides the caller's w2d in place (w2d /= T) before repeating it
import numpy as np


def inflate(w2d, T):
    if isinstance(T, bool) or int(T) != T or T < 1:
        raise ValueError("T must be a positive integer")
    w2d /= T
    return np.repeat(w2d[:, :, np.newaxis], int(T), axis=2)
