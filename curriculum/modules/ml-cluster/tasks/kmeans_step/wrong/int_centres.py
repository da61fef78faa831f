# copies C with its own dtype (C.copy()): with integer centres the new means are truncated to integers
import numpy as np


def kmeans_step(X, C):
    X = np.asarray(X)
    C = np.asarray(C)
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(d2, axis=1)
    C_new = C.copy()
    for j in range(len(C)):
        if (labels == j).any():
            C_new[j] = X[labels == j].mean(axis=0)
    return labels, C_new
