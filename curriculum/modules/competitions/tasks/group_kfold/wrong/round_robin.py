# deals the groups (largest first) to folds 0, 1, ..., k-1 in turn instead of to the fold with the fewest samples
import numpy as np


def group_kfold(groups, k):
    groups = np.asarray(groups)
    uniq, inverse, counts = np.unique(groups, return_inverse=True, return_counts=True)
    if k < 2 or k > len(uniq):
        raise ValueError("bad k")
    order = np.argsort(-counts, kind="stable")
    fold_of_group = np.empty(len(uniq), dtype=int)
    for i, g in enumerate(order):
        fold_of_group[g] = i % k
    fold = fold_of_group[inverse.ravel()]
    idx = np.arange(len(groups))
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
