# takes the fold boundaries from np.round(np.linspace(0, n, k + 1)): the index arrays are floats, and rounding gives sizes [3, 4, 3] for n = 10, k = 3
import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    edges = np.round(np.linspace(0, n, k + 1))
    splits = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        test = np.arange(lo, hi)
        train = np.concatenate([np.arange(0, lo), np.arange(hi, n)])
        splits.append((train, test))
    return splits
