# returns the residual x − U Uᵀx (the projection onto the orthogonal complement) instead of U Uᵀx
import numpy as np


def project(x, U):
    x = np.asarray(x, dtype=np.float64)
    U = np.asarray(U, dtype=np.float64)
    return x - (x @ U) @ U.T
