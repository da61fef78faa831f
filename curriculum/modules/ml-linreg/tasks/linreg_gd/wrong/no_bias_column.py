# forgets the column of ones: fits a line through the origin and returns only the d weights
import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    theta = np.zeros(X.shape[1])
    losses = np.empty(n_iter)
    for t in range(n_iter):
        r = X @ theta - y
        losses[t] = (r @ r) / (2 * n)
        theta = theta - lr * (X.T @ r) / n
    return theta, losses
