# divides S² by n instead of n − 1: the variances are the biased ones, not the eigenvalues of np.cov
import numpy as np


def pca_svd(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:k]
    return components, S[:k] ** 2 / n, Xc @ components.T
