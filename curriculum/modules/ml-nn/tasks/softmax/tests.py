import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_reference_values(m):
    """softmax([1, 2, 3]) = [0.09003057, 0.24472847, 0.66524096]
    zh: softmax([1, 2, 3]) 的结果是 [0.09003057, 0.24472847, 0.66524096]"""
    assert_close(m.softmax(np.array([1.0, 2.0, 3.0])), [0.09003057, 0.24472847, 0.66524096], rtol=1e-6)


def test_shift_invariance_large_logits(m):
    """adding 1000 to every logit changes nothing, without overflow warnings
    zh: 每个 logit 都加 1000，结果不变，也没有溢出警告"""
    z = rng(0).normal(size=(4, 5))
    # underflow of tiny probabilities to 0 is harmless; overflow/invalid are not
    with no_warnings("softmax"), np.errstate(under="ignore"):
        big = m.softmax(z + 1000.0)
        huge = m.softmax(np.array([1000.0, 0.0, -1000.0]))
    assert_close(big, m.softmax(z), what="softmax(z + 1000)")
    assert_close(huge, [1.0, 0.0, 0.0], atol=1e-12, what="softmax([1000, 0, -1000])")


def test_rows_sum_to_one(m):
    """a (6, 10) batch: every row is positive and sums to 1
    zh: 一个 (6, 10) 的批次：每一行的元素都为正，且和为 1"""
    z = rng(1).normal(scale=3.0, size=(6, 10))
    p = np.asarray(m.softmax(z), dtype=np.float64)
    assert_shape(p, (6, 10))
    assert_true(np.all(p > 0.0), "softmax outputs must be positive for finite logits",
                "logit 有限时，softmax 的输出必须都是正数")
    assert_close(p.sum(axis=1), np.ones(6), what=tr("row sums", "每行之和"))


def test_axis_argument(m):
    """axis=0 normalises the columns instead of the rows
    zh: axis=0 时按列归一化，而不是按行"""
    z = rng(2).normal(size=(3, 4))
    p = m.softmax(z, axis=0)
    assert_close(np.asarray(p).sum(axis=0), np.ones(4), what=tr("column sums with axis=0", "axis=0 时每列之和"))
    assert_close(p, m.softmax(z.T, axis=-1).T, what="softmax(z, axis=0)")


def test_equal_logits_uniform(m):
    """ten equal logits give 0.1 each
    zh: 十个相等的 logit，每个概率都是 0.1"""
    assert_close(m.softmax(np.full(10, 7.5)), np.full(10, 0.1), what=tr("softmax of equal logits", "相等 logit 的 softmax"))


def test_rows_of_very_different_size(m):
    """rows of very different size, [[1000, 999], [-1000, -999]]: [[0.731, 0.269], [0.269, 0.731]], no warnings
    zh: 各行大小相差悬殊的 [[1000, 999], [-1000, -999]]：结果是 [[0.731, 0.269], [0.269, 0.731]]，没有警告"""
    z = np.array([[1000.0, 999.0], [-1000.0, -999.0]])
    with no_warnings("softmax"), np.errstate(under="ignore"):
        p = m.softmax(z)
    a = 1.0 / (1.0 + np.exp(-1.0))
    assert_close(p, [[a, 1 - a], [1 - a, a]], what="softmax([[1000, 999], [-1000, -999]])")
    with no_warnings("softmax"), np.errstate(under="ignore"):
        q = m.softmax(z.T, axis=0)
    assert_close(q, [[a, 1 - a], [1 - a, a]], what="softmax([[1000, -1000], [999, -999]], axis=0)")
