# also divides every column by its standard deviation: that is PCA of the correlation matrix, not what PCA does by default
import numpy as np


def pca_svd(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:k]
    return components, S[:k] ** 2 / (n - 1), Xc @ components.T
