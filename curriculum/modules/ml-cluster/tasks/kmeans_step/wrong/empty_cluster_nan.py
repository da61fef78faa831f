# takes X[labels == j].mean(axis=0) for every centre: a centre with no points becomes NaN (mean of an empty slice)
import numpy as np


def kmeans_step(X, C):
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(C, dtype=np.float64)
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(d2, axis=1)
    C_new = np.array([X[labels == j].mean(axis=0) for j in range(len(C))])
    return labels, C_new
