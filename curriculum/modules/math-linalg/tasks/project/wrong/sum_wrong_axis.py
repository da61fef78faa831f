# adds up the scaled columns (Uᵀx)ⱼ·uⱼ with sum over axis 0 instead of axis 1: the result has shape (k,), not (d,)
import numpy as np


def project(x, U):
    x = np.asarray(x, dtype=np.float64)
    U = np.asarray(U, dtype=np.float64)
    return (U * (x @ U)).sum(axis=0)
