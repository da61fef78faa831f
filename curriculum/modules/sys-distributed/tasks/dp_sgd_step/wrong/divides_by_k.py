# sums the per-shard gradient sums but divides by the number of workers K instead of the number of rows n
import numpy as np


def dp_sgd_step(w, shards, lr):
    w = np.asarray(w, dtype=np.float64)
    g = sum(np.asarray(X).T @ (np.asarray(X) @ w - y) for X, y in shards)
    return w - lr * g / len(shards)
