import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_reference_split(m):
    """n = 10, k = 3: test folds [0 1 2 3], [4 5 6], [7 8 9] as in sklearn's KFold
    zh: n = 10、k = 3：测试折为 [0 1 2 3]、[4 5 6]、[7 8 9]，与 sklearn 的 KFold 一致"""
    splits = m.kfold_indices(10, 3)
    assert_true(len(splits) == 3, tr("expected 3 (train, test) pairs, got %d", "应有 3 组 (train, test)，实际得到 %d 组") % len(splits))
    expected_tests = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    for i, (train, test) in enumerate(splits):
        assert_close(test, expected_tests[i], what=tr("test indices of fold %d", "第 %d 折的测试下标") % i)
    assert_close(splits[1][0], [0, 1, 2, 3, 7, 8, 9], what=tr("train indices of fold 1", "第 1 折的训练下标"))


def test_partition(m):
    """every index is in exactly one test fold, and train is the complement of test
    zh: 每个下标恰好出现在一个测试折里，训练集是测试集的补集"""
    n, k = 23, 5
    splits = m.kfold_indices(n, k)
    all_test = np.sort(np.concatenate([np.asarray(t) for _, t in splits]))
    assert_close(all_test, np.arange(n), what=tr("all test indices, sorted", "排序后的全部测试下标"))
    for i, (train, test) in enumerate(splits):
        expected_train = np.setdiff1d(np.arange(n), test)
        assert_close(train, expected_train, what=tr("train indices of fold %d", "第 %d 折的训练下标") % i)


def test_fold_sizes(m):
    """the first n % k folds have n // k + 1 elements, the rest n // k
    zh: 前 n % k 折各有 n // k + 1 个元素，其余各 n // k 个"""
    sizes = [len(t) for _, t in m.kfold_indices(23, 5)]
    assert_true(sizes == [5, 5, 5, 4, 4], tr("fold sizes are %s, expected [5, 5, 5, 4, 4]", "各折大小为 %s，应为 [5, 5, 5, 4, 4]") % sizes)


def test_leave_one_out(m):
    """k = n gives leave-one-out: test fold i is [i]
    zh: k = n 就是留一法：第 i 个测试折是 [i]"""
    splits = m.kfold_indices(4, 4)
    for i, (train, test) in enumerate(splits):
        assert_close(test, [i], what=tr("test indices of fold %d", "第 %d 折的测试下标") % i)
        assert_true(len(train) == 3, tr("each training set should have 3 indices", "每个训练集应有 3 个下标"))


def test_integer_indices(m):
    """the indices are integer arrays usable for X[train]
    zh: 下标是整数数组，可以直接用于 X[train]"""
    train, test = m.kfold_indices(6, 2)[0]
    assert_true(np.issubdtype(np.asarray(train).dtype, np.integer), tr("train indices must be integers", "训练下标必须是整数"))
    assert_true(np.issubdtype(np.asarray(test).dtype, np.integer), tr("test indices must be integers", "测试下标必须是整数"))


def test_invalid_k(m):
    """k < 2 or k > n raises ValueError
    zh: k < 2 或 k > n 时抛出 ValueError"""
    for n, k in [(10, 1), (3, 4)]:
        try:
            m.kfold_indices(n, k)
        except ValueError:
            continue
        raise AssertionError(tr("kfold_indices(%d, %d) should raise ValueError", "kfold_indices(%d, %d) 应当抛出 ValueError") % (n, k))
