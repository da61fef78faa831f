import numpy as np


def kfold_indices(n, k):
    """Consecutive k-fold splits (reference solution). / 连续的 k 折划分（参考答案）。"""
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n, got k=%r, n=%r" % (k, n))
    sizes = np.full(k, n // k, dtype=int)
    sizes[: n % k] += 1                       # the first n % k folds get one extra element
    idx = np.arange(n)
    splits, start = [], 0
    for size in sizes:
        test = idx[start:start + size]
        train = np.concatenate([idx[:start], idx[start + size:]])
        splits.append((train, test))
        start += size
    return splits
