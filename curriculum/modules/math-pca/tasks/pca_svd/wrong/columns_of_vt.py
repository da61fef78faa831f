# takes the first k columns of Vᵀ (Vt[:, :k].T) instead of its first k rows: those are not the principal directions
import numpy as np


def pca_svd(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:, :k].T
    return components, S[:k] ** 2 / (n - 1), Xc @ components.T
