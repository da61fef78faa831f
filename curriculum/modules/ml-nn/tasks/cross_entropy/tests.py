import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_uniform_is_ln_k(m):
    """10 zero logits: the loss is ln 10 = 2.302585
    zh: 10 个 logit 全为 0：损失是 ln 10 = 2.302585"""
    assert_close(m.cross_entropy(np.zeros((1, 10)), np.array([3])), np.log(10.0), what=tr("loss of 10 zero logits", "10 个 logit 全为 0 时的损失"))


def test_reference_value(m):
    """logits [[1, 2, 3]] with label 2 give 0.4076060
    zh: logits 为 [[1, 2, 3]]、标签为 2 时，损失是 0.4076060"""
    assert_close(m.cross_entropy(np.array([[1.0, 2.0, 3.0]]), np.array([2])), 0.40760596444438, what=tr("loss", "损失"))


def test_mean_over_batch(m):
    """a batch gives the mean of the per-example losses
    zh: 一个批次的损失是各样本损失的平均值"""
    logits = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    expected = (0.40760596444438 + np.log(3.0)) / 2
    assert_close(m.cross_entropy(logits, np.array([2, 0])), expected, what=tr("mean loss of two examples", "两个样本的平均损失"))


def test_large_logits_stable(m):
    """logits of ±1000: loss 0 when right and 2000 when wrong, finite and without warnings
    zh: logit 为 ±1000 时：预测对损失为 0，预测错损失为 2000，结果有限且没有警告"""
    logits = np.array([[1000.0, -1000.0]])
    with no_warnings("cross_entropy"), np.errstate(under="ignore"):
        right = m.cross_entropy(logits, np.array([0]))
        wrong = m.cross_entropy(logits, np.array([1]))
    assert_close(right, 0.0, atol=1e-12, what=tr("loss when the label has logit 1000", "正确类别的 logit 为 1000 时的损失"))
    assert_close(wrong, 2000.0, what=tr("loss when the label has logit -1000", "正确类别的 logit 为 -1000 时的损失"))


def test_row_shift_invariance(m):
    """adding a different constant to each row leaves the loss unchanged
    zh: 每一行各加一个不同的常数，损失不变"""
    g = rng(0)
    logits = g.normal(size=(5, 4))
    y = g.integers(0, 4, size=5)
    shift = g.normal(scale=100.0, size=(5, 1))
    with no_warnings("cross_entropy"), np.errstate(under="ignore"):
        shifted = m.cross_entropy(logits + shift, y)
    assert_close(shifted, m.cross_entropy(logits, y), what=tr("loss after shifting each row", "每行平移之后的损失"))


def test_rows_of_very_different_size(m):
    """rows of very different size, [[1000, 999], [-1000, -999]] with labels [0, 1]: loss 0.3132617, no warnings
    zh: 各行大小相差悬殊的 [[1000, 999], [-1000, -999]]、标签 [0, 1]：损失 0.3132617，没有警告"""
    logits = np.array([[1000.0, 999.0], [-1000.0, -999.0]])
    with no_warnings("cross_entropy"), np.errstate(under="ignore"):
        loss = m.cross_entropy(logits, np.array([0, 1]))
    assert_close(loss, np.log1p(np.exp(-1.0)), what=tr("loss of [[1000, 999], [-1000, -999]] with labels [0, 1]",
                                                       "[[1000, 999], [-1000, -999]]、标签 [0, 1] 时的损失"))


def test_gradient_is_softmax_minus_onehot(m):
    """its gradient w.r.t. the logits is (softmax − one-hot)/n (gradient check)
    zh: 对 logits 的梯度是 (softmax − one-hot)/n（梯度检验）"""
    g = rng(1)
    logits = g.normal(size=(4, 3))
    y = g.integers(0, 3, size=4)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    onehot = np.eye(3)[y]
    grad_check(lambda z: m.cross_entropy(z, y), logits, (p - onehot) / 4, what="dloss/dlogits")
