import numpy as np


def kmeans_step(X, C):
    """One Lloyd iteration of k-means: assign, then update.

    k-means 的一次 Lloyd 迭代：先分配，再更新。
    """
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(C, dtype=np.float64)
    # squared distances, shape (n, k), without forming an (n, k, d) array
    d2 = (X ** 2).sum(axis=1)[:, None] - 2.0 * X @ C.T + (C ** 2).sum(axis=1)[None, :]
    labels = np.argmin(d2, axis=1)          # argmin returns the first (lowest) index on ties
    C_new = C.copy()
    for j in range(C.shape[0]):
        members = labels == j
        if members.any():
            C_new[j] = X[members].mean(axis=0)
    return labels, C_new
