import numpy as np


def kfold_indices(n, k):
    """Indices of k-fold cross-validation without shuffling, like sklearn's KFold(k).split.

    Split 0 … n−1 into k consecutive test folds; the first n % k folds have n // k + 1 elements,
    the others n // k. Return a list of k pairs (train_idx, test_idx) of integer arrays, where
    train_idx holds every index not in test_idx, in increasing order.
    Raise ValueError if k < 2 or k > n.

    不打乱顺序的 k 折交叉验证下标，与 sklearn 的 KFold(k).split 一致。
    把 0 … n−1 分成 k 个连续的测试折：前 n % k 折各有 n // k + 1 个元素，其余各 n // k 个。
    返回由 k 个 (train_idx, test_idx) 组成的列表，二者都是整数数组；train_idx 按升序包含
    所有不在 test_idx 里的下标。k < 2 或 k > n 时抛出 ValueError。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
