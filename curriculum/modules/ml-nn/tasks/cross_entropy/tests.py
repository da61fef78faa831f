import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def test_uniform_is_ln_k(m):
    """10 zero logits: the loss is ln 10 = 2.302585"""
    assert_close(m.cross_entropy(np.zeros((1, 10)), np.array([3])), np.log(10.0), what="loss of 10 zero logits")


def test_reference_value(m):
    """logits [[1, 2, 3]] with label 2 give 0.4076060"""
    assert_close(m.cross_entropy(np.array([[1.0, 2.0, 3.0]]), np.array([2])), 0.40760596444438, what="loss")


def test_mean_over_batch(m):
    """a batch gives the mean of the per-example losses"""
    logits = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    expected = (0.40760596444438 + np.log(3.0)) / 2
    assert_close(m.cross_entropy(logits, np.array([2, 0])), expected, what="mean loss of two examples")


def test_large_logits_stable(m):
    """logits of ±1000: loss 0 when right and 2000 when wrong, finite and without warnings"""
    logits = np.array([[1000.0, -1000.0]])
    with no_warnings("cross_entropy"), np.errstate(under="ignore"):
        right = m.cross_entropy(logits, np.array([0]))
        wrong = m.cross_entropy(logits, np.array([1]))
    assert_close(right, 0.0, atol=1e-12, what="loss when the label has logit 1000")
    assert_close(wrong, 2000.0, what="loss when the label has logit -1000")


def test_row_shift_invariance(m):
    """adding a different constant to each row leaves the loss unchanged"""
    g = rng(0)
    logits = g.normal(size=(5, 4))
    y = g.integers(0, 4, size=5)
    shift = g.normal(scale=100.0, size=(5, 1))
    with no_warnings("cross_entropy"), np.errstate(under="ignore"):
        shifted = m.cross_entropy(logits + shift, y)
    assert_close(shifted, m.cross_entropy(logits, y), what="loss after shifting each row")


def test_gradient_is_softmax_minus_onehot(m):
    """its gradient w.r.t. the logits is (softmax − one-hot)/n (gradient check)"""
    g = rng(1)
    logits = g.normal(size=(4, 3))
    y = g.integers(0, 3, size=4)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    onehot = np.eye(3)[y]
    grad_check(lambda z: m.cross_entropy(z, y), logits, (p - onehot) / 4, what="dloss/dlogits")
