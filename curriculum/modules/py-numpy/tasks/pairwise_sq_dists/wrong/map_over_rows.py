# hides a loop over the rows of A in map(lambda ...): still one Python call per point
import numpy as np


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    return np.array(list(map(lambda a: ((a - B) ** 2).sum(axis=1), A))).reshape(len(A), len(B))
