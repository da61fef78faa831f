# averages the assigned points over axis 1 (their coordinates) instead of axis 0 (the points): each centre gets one number broadcast to all coordinates
import numpy as np


def kmeans_step(X, C):
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(C, dtype=np.float64)
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(d2, axis=1)
    C_new = C.copy()
    for j in range(len(C)):
        if (labels == j).any():
            C_new[j] = X[labels == j].mean(axis=1).mean()
    return labels, C_new
