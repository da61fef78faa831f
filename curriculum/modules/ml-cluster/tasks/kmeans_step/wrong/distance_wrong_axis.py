# sums the squared differences over axis 1 (the centres) instead of axis 2 (the coordinates), then takes argmin over the wrong thing
import numpy as np


def kmeans_step(X, C):
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(C, dtype=np.float64)
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=1)
    labels = np.argmin(d2, axis=1)
    C_new = C.copy()
    for j in range(len(C)):
        if (labels == j).any():
            C_new[j] = X[labels == j].mean(axis=0)
    return labels, C_new
