# counts group sizes with np.bincount, which only works for non-negative integer labels, not strings
import numpy as np


def group_kfold(groups, k):
    groups = np.asarray(groups)
    counts = np.bincount(groups)
    present = np.flatnonzero(counts)
    if k < 2 or k > len(present):
        raise ValueError("bad k")
    order = present[np.argsort(-counts[present], kind="stable")]
    fold_of_group = {}
    sizes = np.zeros(k, dtype=int)
    for g in order:
        f = int(np.argmin(sizes))
        fold_of_group[g] = f
        sizes[f] += counts[g]
    fold = np.array([fold_of_group[g] for g in groups])
    idx = np.arange(len(groups))
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
