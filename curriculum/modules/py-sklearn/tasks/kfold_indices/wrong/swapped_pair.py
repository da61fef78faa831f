# returns each pair as (test_idx, train_idx) instead of (train_idx, test_idx)
import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    idx = np.arange(n)
    return [(test, np.setdiff1d(idx, test)) for test in np.array_split(idx, k)]
