# adds the two vectors of squared norms without [:, None] / [None, :]: only works when n == m, and then gives the wrong matrix
import numpy as np


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    D = (A ** 2).sum(axis=1) + (B ** 2).sum(axis=1) - 2.0 * (A @ B.T)
    return np.maximum(D, 0.0)
