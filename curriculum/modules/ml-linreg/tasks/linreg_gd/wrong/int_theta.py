# starts from theta = np.zeros(d + 1, dtype=X.dtype): with integer features every update is truncated to an integer
import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    X = np.asarray(X)
    y = np.asarray(y)
    n = X.shape[0]
    Xb = np.hstack([np.ones((n, 1), dtype=X.dtype), X])
    theta = np.zeros(Xb.shape[1], dtype=X.dtype)
    losses = np.empty(n_iter)
    for t in range(n_iter):
        r = Xb @ theta - y
        losses[t] = (r @ r) / (2 * n)
        theta[:] = theta - lr * (Xb.T @ r) / n
    return theta, losses
