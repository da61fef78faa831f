# keeps the best centre with <= in a loop over the centres: on a tie the later (higher) index wins
import numpy as np


def kmeans_step(X, C):
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(C, dtype=np.float64)
    best = np.full(len(X), np.inf)
    labels = np.zeros(len(X), dtype=int)
    for j in range(len(C)):
        d = ((X - C[j]) ** 2).sum(axis=1)
        closer = d <= best
        labels[closer] = j
        best[closer] = d[closer]
    C_new = C.copy()
    for j in range(len(C)):
        if (labels == j).any():
            C_new[j] = X[labels == j].mean(axis=0)
    return labels, C_new
