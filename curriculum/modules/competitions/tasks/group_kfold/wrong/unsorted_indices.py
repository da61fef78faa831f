# collects each fold's indices group by group, so the index arrays are not sorted
import numpy as np


def group_kfold(groups, k):
    groups = np.asarray(groups)
    uniq, inverse, counts = np.unique(groups, return_inverse=True, return_counts=True)
    if k < 2 or k > len(uniq):
        raise ValueError("bad k")
    order = np.argsort(-counts, kind="stable")
    sizes = np.zeros(k, dtype=int)
    val = [[] for _ in range(k)]
    for g in order:
        f = int(np.argmin(sizes))
        sizes[f] += counts[g]
        val[f].extend(np.flatnonzero(inverse.ravel() == g).tolist())
    all_idx = np.arange(len(groups))
    return [(np.setdiff1d(all_idx, v), np.array(v, dtype=int)) for v in val]
