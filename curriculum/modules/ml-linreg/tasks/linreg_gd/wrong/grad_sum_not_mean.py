# uses the summed gradient Xbᵀ(Xbθ − y) without dividing by n: steps n times too large, and the loss blows up
import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    Xb = np.hstack([np.ones((n, 1)), X])
    theta = np.zeros(Xb.shape[1])
    losses = np.empty(n_iter)
    with np.errstate(all="ignore"):
        for t in range(n_iter):
            r = Xb @ theta - y
            losses[t] = (r @ r) / (2 * n)
            theta = theta - lr * (Xb.T @ r)
    return theta, losses
