# makes every fold ceil(n / k) long, so the last fold is the short one (or empty): [4, 4, 2] instead of [4, 3, 3]
import math
import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    idx = np.arange(n)
    size = math.ceil(n / k)
    splits = []
    for i in range(k):
        test = idx[i * size:(i + 1) * size]
        splits.append((np.setdiff1d(idx, test), test))
    return splits
