import numpy as np


def pairwise_sq_dists(A, B):
    """Squared Euclidean distances between every row of A and every row of B.

    计算 A 的每一行与 B 的每一行之间的欧氏距离平方。
    """
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    # ||a - b||^2 = ||a||^2 + ||b||^2 - 2 a.b : (n, 1) + (1, m) - (n, m)
    D = (A ** 2).sum(axis=1)[:, None] + (B ** 2).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
    return np.maximum(D, 0.0)  # rounding can leave tiny negative values
