# sorts the group sizes ascending and reverses them: groups of equal size come in reverse np.unique order
import numpy as np


def group_kfold(groups, k):
    groups = np.asarray(groups)
    uniq, inverse, counts = np.unique(groups, return_inverse=True, return_counts=True)
    if k < 2 or k > len(uniq):
        raise ValueError("bad k")
    order = np.argsort(counts, kind="stable")[::-1]
    fold_of_group = np.empty(len(uniq), dtype=int)
    sizes = np.zeros(k, dtype=int)
    for g in order:
        f = int(np.argmin(sizes))
        fold_of_group[g] = f
        sizes[f] += counts[g]
    fold = fold_of_group[inverse.ravel()]
    idx = np.arange(len(groups))
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
