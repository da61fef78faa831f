import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng


def _random_groups(seed, n=200, n_groups=23):
    g = rng(seed)
    return g.integers(0, n_groups, size=n)


def test_reference_split(m):
    """groups [0,0,1,1,1,2,3,3] with k=2 give validation folds [2,3,4,5] and [0,1,6,7]"""
    folds = m.group_kfold(np.array([0, 0, 1, 1, 1, 2, 3, 3]), 2)
    assert_true(len(folds) == 2, "expected 2 folds, got %d" % len(folds))
    assert_close(folds[0][1], [2, 3, 4, 5], what="validation indices of fold 0")
    assert_close(folds[1][1], [0, 1, 6, 7], what="validation indices of fold 1")
    assert_close(folds[0][0], [0, 1, 6, 7], what="training indices of fold 0")


def test_no_group_leaks(m):
    """no group ever appears in both the training and the validation part of a fold"""
    groups = _random_groups(0)
    for f, (tr, va) in enumerate(m.group_kfold(groups, 5)):
        shared = set(groups[np.asarray(tr)]) & set(groups[np.asarray(va)])
        assert_true(not shared, "fold %d: groups %s are on both sides" % (f, sorted(shared)[:5]))


def test_partition(m):
    """every sample is validated exactly once, and train + validation cover all samples in each fold"""
    groups = _random_groups(1, n=150, n_groups=17)
    folds = m.group_kfold(groups, 4)
    assert_true(len(folds) == 4, "expected 4 folds, got %d" % len(folds))
    seen = np.zeros(len(groups), dtype=int)
    for f, (tr, va) in enumerate(folds):
        tr, va = np.asarray(tr), np.asarray(va)
        seen[va] += 1
        assert_true(len(np.intersect1d(tr, va)) == 0, "fold %d: a sample is in both train and validation" % f)
        assert_true(len(tr) + len(va) == len(groups), "fold %d: train + validation should cover every sample" % f)
    assert_true(np.all(seen == 1), "each sample must be in exactly one validation fold")


def test_balanced(m):
    """fold sizes differ by at most the size of the largest group"""
    groups = _random_groups(2, n=300, n_groups=40)
    sizes = [len(va) for _, va in m.group_kfold(groups, 5)]
    largest = np.bincount(groups).max()
    assert_true(max(sizes) - min(sizes) <= largest,
                "validation fold sizes %s differ by more than the largest group (%d)" % (sizes, largest))


def test_string_groups(m):
    """group labels may be strings, e.g. patient ids"""
    groups = np.array(["p1", "p2", "p1", "p3", "p2", "p3", "p4"])
    folds = m.group_kfold(groups, 2)
    for tr, va in folds:
        assert_true(not (set(groups[np.asarray(tr)]) & set(groups[np.asarray(va)])),
                    "a patient appears on both sides of a fold")


def test_bad_k(m):
    """k < 2 or k larger than the number of groups raises ValueError"""
    groups = np.array([0, 0, 1, 1, 2])
    for bad in (1, 4):
        try:
            m.group_kfold(groups, bad)
        except ValueError:
            continue
        assert_true(False, "group_kfold(groups, %d) should raise ValueError (3 groups)" % bad)
