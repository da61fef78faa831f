# fills an output made with np.zeros_like(x): an integer x truncates the projection to integers
import numpy as np


def project(x, U):
    U = np.asarray(U, dtype=np.float64)
    out = np.zeros_like(x)
    out[...] = (x @ U) @ U.T
    return out
