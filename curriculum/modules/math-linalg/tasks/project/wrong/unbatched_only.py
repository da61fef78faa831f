# writes U @ U.T @ x, which is right for one vector (d,) but cannot handle a batch of rows (n, d)
import numpy as np


def project(x, U):
    x = np.asarray(x, dtype=np.float64)
    U = np.asarray(U, dtype=np.float64)
    return U @ U.T @ x
