# keeps the gradient sum in np.zeros_like(w) and adds in place: with integer w the float update cannot be stored
import numpy as np


def dp_sgd_step(w, shards, lr):
    w = np.asarray(w)
    grad_sum = np.zeros_like(w)
    n = 0
    for X, y in shards:
        grad_sum += X.T @ (X @ w - y)
        n += len(y)
    return w - lr * grad_sum / n
