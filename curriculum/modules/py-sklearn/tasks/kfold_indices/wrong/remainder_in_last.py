# gives every fold n // k elements and puts the remainder in the last fold: sizes [3, 3, 4] instead of [4, 3, 3]
import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    idx = np.arange(n)
    size = n // k
    splits = []
    for i in range(k):
        stop = n if i == k - 1 else (i + 1) * size
        test = idx[i * size:stop]
        splits.append((np.setdiff1d(idx, test), test))
    return splits
