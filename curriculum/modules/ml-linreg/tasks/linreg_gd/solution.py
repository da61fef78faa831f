import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    """Batch gradient descent for linear regression with an intercept (reference solution).

    线性回归（带截距）的批量梯度下降（参考答案）。
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    Xb = np.hstack([np.ones((n, 1)), X])          # prepend the bias column
    theta = np.zeros(Xb.shape[1])
    losses = np.empty(n_iter)
    for t in range(n_iter):
        r = Xb @ theta - y                        # residuals
        losses[t] = (r @ r) / (2 * n)
        theta = theta - lr * (Xb.T @ r) / n       # gradient = Xbᵀ r / n
    return theta, losses
