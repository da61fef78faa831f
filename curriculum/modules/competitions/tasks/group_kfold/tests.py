import numpy as np
# the tests use `tr` for training indices, so the translation helper is imported as _tr
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr as _tr


def _random_groups(seed, n=200, n_groups=23):
    g = rng(seed)
    return g.integers(0, n_groups, size=n)


def test_reference_split(m):
    """groups [0,0,1,1,1,2,3,3] with k=2 give validation folds [2,3,4,5] and [0,1,6,7]
    zh: 分组 [0,0,1,1,1,2,3,3]、k=2 时，两折的验证集分别是 [2,3,4,5] 和 [0,1,6,7]"""
    folds = m.group_kfold(np.array([0, 0, 1, 1, 1, 2, 3, 3]), 2)
    assert_true(len(folds) == 2, _tr("expected 2 folds, got %d", "应有 2 折，得到的是 %d 折") % len(folds))
    assert_close(folds[0][1], [2, 3, 4, 5], what=_tr("validation indices of fold 0", "第 0 折的验证集下标"))
    assert_close(folds[1][1], [0, 1, 6, 7], what=_tr("validation indices of fold 1", "第 1 折的验证集下标"))
    assert_close(folds[0][0], [0, 1, 6, 7], what=_tr("training indices of fold 0", "第 0 折的训练集下标"))


def test_tie_order_and_sorted(m):
    """equal-size groups go in np.unique order: [0,0,1,1,2,2] with k=3 gives folds [0,1], [2,3], [4,5]; every index array is sorted
    zh: 大小相同的组按 np.unique 的顺序处理：[0,0,1,1,2,2]、k=3 时三折依次是 [0,1]、[2,3]、[4,5]；每个下标数组都是排好序的"""
    folds = m.group_kfold(np.array([0, 0, 1, 1, 2, 2]), 3)
    assert_true(len(folds) == 3, _tr("expected 3 folds, got %d", "应有 3 折，得到的是 %d 折") % len(folds))
    for f, expected in enumerate(([0, 1], [2, 3], [4, 5])):
        assert_close(folds[f][1], expected, what=_tr("validation indices of fold %d (equal sizes: in np.unique order)",
                                                     "第 %d 折的验证集下标（大小相同时按 np.unique 的顺序）") % f)
    groups = np.array([0, 1, 2, 2, 1, 0, 3])
    for f, (tr, va) in enumerate(m.group_kfold(groups, 2)):
        for name, arr in ((_tr("training", "训练集"), np.asarray(tr)), (_tr("validation", "验证集"), np.asarray(va))):
            assert_true(np.all(np.diff(arr) > 0), _tr("fold %d: the %s indices %s are not sorted",
                                                      "第 %d 折：%s下标 %s 没有排好序") % (f, name, arr.tolist()))


def test_no_group_leaks(m):
    """no group ever appears in both the training and the validation part of a fold
    zh: 任何一折里，同一个分组都不会既出现在训练集又出现在验证集"""
    groups = _random_groups(0)
    for f, (tr, va) in enumerate(m.group_kfold(groups, 5)):
        shared = set(groups[np.asarray(tr)]) & set(groups[np.asarray(va)])
        assert_true(not shared, _tr("fold %d: groups %s are on both sides",
                                  "第 %d 折：分组 %s 同时出现在训练集和验证集") % (f, sorted(shared)[:5]))


def test_partition(m):
    """every sample is validated exactly once, and train + validation cover all samples in each fold
    zh: 每个样本恰好被验证一次；每一折的训练集加验证集覆盖全部样本"""
    groups = _random_groups(1, n=150, n_groups=17)
    folds = m.group_kfold(groups, 4)
    assert_true(len(folds) == 4, _tr("expected 4 folds, got %d", "应有 4 折，得到的是 %d 折") % len(folds))
    seen = np.zeros(len(groups), dtype=int)
    for f, (tr, va) in enumerate(folds):
        tr, va = np.asarray(tr), np.asarray(va)
        seen[va] += 1
        assert_true(len(np.intersect1d(tr, va)) == 0, _tr("fold %d: a sample is in both train and validation",
                                                              "第 %d 折：有样本同时在训练集和验证集里") % f)
        assert_true(len(tr) + len(va) == len(groups), _tr("fold %d: train + validation should cover every sample",
                                                                   "第 %d 折：训练集加验证集应覆盖所有样本") % f)
    assert_true(np.all(seen == 1), _tr("each sample must be in exactly one validation fold",
                                          "每个样本必须恰好出现在一折的验证集里"))


def test_balanced(m):
    """fold sizes differ by at most the size of the largest group
    zh: 各折验证集的大小相差不超过最大分组的大小"""
    groups = _random_groups(2, n=300, n_groups=40)
    sizes = [len(va) for _, va in m.group_kfold(groups, 5)]
    largest = np.bincount(groups).max()
    assert_true(max(sizes) - min(sizes) <= largest,
                _tr("validation fold sizes %s differ by more than the largest group (%d)",
                    "各折验证集的大小 %s 相差超过了最大分组的大小（%d）") % (sizes, largest))


def test_string_groups(m):
    """group labels may be strings, e.g. patient ids
    zh: 分组标签可以是字符串，比如病人编号"""
    groups = np.array(["p1", "p2", "p1", "p3", "p2", "p3", "p4"])
    folds = m.group_kfold(groups, 2)
    for tr, va in folds:
        assert_true(not (set(groups[np.asarray(tr)]) & set(groups[np.asarray(va)])),
                    _tr("a patient appears on both sides of a fold", "有病人同时出现在某一折的训练集和验证集里"))


def test_bad_k(m):
    """k < 2 or k larger than the number of groups raises ValueError
    zh: k < 2 或 k 大于分组数时抛出 ValueError"""
    groups = np.array([0, 0, 1, 1, 2])
    for bad in (1, 4):
        try:
            m.group_kfold(groups, bad)
        except ValueError:
            continue
        assert_true(False, _tr("group_kfold(groups, %d) should raise ValueError (3 groups)",
                                 "group_kfold(groups, %d) 应当抛出 ValueError（只有 3 个分组）") % bad)
