import numpy as np


def group_kfold(groups, k):
    """K-fold splits in which no group is split between training and validation.

    groups: 1-D array, groups[i] is the group (patient, user, video, ...) of sample i.
    Return a list of k pairs (train_idx, val_idx) of sorted int arrays.
    Rule: take the groups from largest to smallest (ties: in np.unique order) and put
    each one into the fold that currently holds the fewest samples (ties: lowest fold).
    Raise ValueError if k < 2 or k > the number of distinct groups.

    按组划分的 K 折：同一组的样本不会同时出现在训练集和验证集中。
    groups：一维数组，groups[i] 是样本 i 所属的组（病人、用户、视频……）。
    返回 k 个 (train_idx, val_idx) 对，都是排好序的整数数组。
    规则：按组的大小从大到小（大小相同按 np.unique 的顺序）依次处理，把每个组放进
    当前样本数最少的那一折（并列时取编号最小的折）。
    若 k < 2 或 k 大于不同组的个数，抛出 ValueError。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
