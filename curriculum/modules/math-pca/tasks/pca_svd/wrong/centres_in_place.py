# centres the caller's X in place (X -= X.mean(axis=0)): the caller's data is overwritten with the centred data
import numpy as np


def pca_svd(X, k):
    n = X.shape[0]
    X -= X.mean(axis=0)
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    components = Vt[:k]
    return components, S[:k] ** 2 / (n - 1), X @ components.T
