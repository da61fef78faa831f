# never checks k: k = 1 returns a fold with an empty training set and k > n returns empty test folds instead of raising ValueError
import numpy as np


def kfold_indices(n, k):
    idx = np.arange(n)
    splits = []
    for test in np.array_split(idx, k):
        splits.append((np.setdiff1d(idx, test), test))
    return splits
