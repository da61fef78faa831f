# takes the SVD of X itself without centring: the first component points at the mean, far from the origin
import numpy as np


def pca_svd(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    components = Vt[:k]
    return components, S[:k] ** 2 / (n - 1), X @ components.T
