import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def test_reference_split(m):
    """n = 10, k = 3: test folds [0 1 2 3], [4 5 6], [7 8 9] as in sklearn's KFold"""
    splits = m.kfold_indices(10, 3)
    assert_true(len(splits) == 3, "expected 3 (train, test) pairs, got %d" % len(splits))
    expected_tests = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    for i, (train, test) in enumerate(splits):
        assert_close(test, expected_tests[i], what="test indices of fold %d" % i)
    assert_close(splits[1][0], [0, 1, 2, 3, 7, 8, 9], what="train indices of fold 1")


def test_partition(m):
    """every index is in exactly one test fold, and train is the complement of test"""
    n, k = 23, 5
    splits = m.kfold_indices(n, k)
    all_test = np.sort(np.concatenate([np.asarray(t) for _, t in splits]))
    assert_close(all_test, np.arange(n), what="all test indices, sorted")
    for i, (train, test) in enumerate(splits):
        expected_train = np.setdiff1d(np.arange(n), test)
        assert_close(train, expected_train, what="train indices of fold %d" % i)


def test_fold_sizes(m):
    """the first n % k folds have n // k + 1 elements, the rest n // k"""
    sizes = [len(t) for _, t in m.kfold_indices(23, 5)]
    assert_true(sizes == [5, 5, 5, 4, 4], "fold sizes are %s, expected [5, 5, 5, 4, 4]" % sizes)


def test_leave_one_out(m):
    """k = n gives leave-one-out: test fold i is [i]"""
    splits = m.kfold_indices(4, 4)
    for i, (train, test) in enumerate(splits):
        assert_close(test, [i], what="test indices of fold %d" % i)
        assert_true(len(train) == 3, "each training set should have 3 indices")


def test_integer_indices(m):
    """the indices are integer arrays usable for X[train]"""
    train, test = m.kfold_indices(6, 2)[0]
    assert_true(np.issubdtype(np.asarray(train).dtype, np.integer), "train indices must be integers")
    assert_true(np.issubdtype(np.asarray(test).dtype, np.integer), "test indices must be integers")


def test_invalid_k(m):
    """k < 2 or k > n raises ValueError"""
    for n, k in [(10, 1), (3, 4)]:
        try:
            m.kfold_indices(n, k)
        except ValueError:
            continue
        raise AssertionError("kfold_indices(%d, %d) should raise ValueError" % (n, k))
