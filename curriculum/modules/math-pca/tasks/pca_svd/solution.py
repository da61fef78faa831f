import numpy as np


def pca_svd(X, k):
    """PCA of the rows of X via the SVD of the centred data.

    用中心化数据的 SVD 对 X 的各行做 PCA。
    """
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)                      # centre, do not scale
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:k]                          # (k, d), singular values come sorted largest first
    explained_var = S[:k] ** 2 / (n - 1)
    Z = Xc @ components.T                        # (n, k)
    return components, explained_var, Z
