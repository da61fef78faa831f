# centres each row by its own mean (axis=1) instead of each column by the column mean (axis=0)
import numpy as np


def pca_svd(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = X - X.mean(axis=1, keepdims=True)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:k]
    return components, S[:k] ** 2 / (n - 1), Xc @ components.T
