# centres the caller's y in place (y -= y.mean()) to "help" the intercept, then adds the mean back to theta[0]: the caller's y is changed
import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    y_mean = y.mean()
    y -= y_mean
    Xb = np.hstack([np.ones((n, 1)), X])
    theta = np.zeros(Xb.shape[1])
    losses = np.empty(n_iter)
    for t in range(n_iter):
        r = Xb @ theta - (y + y_mean)
        losses[t] = (r @ r) / (2 * n)
        theta = theta - lr * (Xb.T @ r) / n
    return theta, losses
