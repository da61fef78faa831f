# broadcasts to (n, m, d) but sums over axis 1 (the points of B) instead of the last axis (the coordinates)
import numpy as np


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    return ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=1)
