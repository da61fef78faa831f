# repeats the 2D filter T times without dividing by T: a boring clip gives T times the 2D response
import numpy as np


def inflate(w2d, T):
    if isinstance(T, bool) or int(T) != T or T < 1:
        raise ValueError("T must be a positive integer")
    w2d = np.asarray(w2d, dtype=np.float64)
    return np.repeat(w2d[:, :, np.newaxis], int(T), axis=2)
