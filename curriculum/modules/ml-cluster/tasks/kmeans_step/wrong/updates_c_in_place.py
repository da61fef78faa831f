# writes the new means into the caller's C (C[j] = ...) instead of a copy: the caller's centres change
import numpy as np


def kmeans_step(X, C):
    X = np.asarray(X, dtype=np.float64)
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(d2, axis=1)
    for j in range(C.shape[0]):
        if (labels == j).any():
            C[j] = X[labels == j].mean(axis=0)
    return labels, C
