# updates the caller's w in place (w -= lr · g) and returns it
import numpy as np


def dp_sgd_step(w, shards, lr):
    n = sum(len(y) for _, y in shards)
    g = sum(np.asarray(X).T @ (np.asarray(X) @ w - y) for X, y in shards)
    w -= lr * g / n
    return w
