# records the loss after each update instead of before it, so losses[0] is not J(0)
import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    Xb = np.hstack([np.ones((n, 1)), X])
    theta = np.zeros(Xb.shape[1])
    losses = np.empty(n_iter)
    for t in range(n_iter):
        theta = theta - lr * (Xb.T @ (Xb @ theta - y)) / n
        r = Xb @ theta - y
        losses[t] = (r @ r) / (2 * n)
    return theta, losses
