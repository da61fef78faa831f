import numpy as np


def dp_sgd_step(w, shards, lr):
    """One step of data-parallel SGD for linear least squares.

    线性最小二乘的一步数据并行 SGD。
    """
    w = np.asarray(w, dtype=np.float64)
    grad_sum = np.zeros_like(w)
    n_total = 0
    for X_k, y_k in shards:                      # what each worker computes locally
        X_k = np.asarray(X_k, dtype=np.float64)
        y_k = np.asarray(y_k, dtype=np.float64)
        grad_sum = grad_sum + X_k.T @ (X_k @ w - y_k)   # summed (not averaged) gradient
        n_total += X_k.shape[0]
    # all-reduce SUM of the gradient sums and of the row counts, then divide once
    g = grad_sum / n_total
    return w - lr * g
