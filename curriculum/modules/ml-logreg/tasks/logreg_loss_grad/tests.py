import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _data(seed=0, n=30, d=4):
    g = rng(seed)
    X = g.normal(size=(n, d))
    y = (g.random(n) < 0.5).astype(np.float64)
    return X, y


def test_loss_at_zero_is_ln2(m):
    """at w = 0 every p is ½, so the loss is ln 2 = 0.6931472
    zh: w = 0 时每个 p 都是 ½，所以损失是 ln 2 = 0.6931472"""
    X, y = _data()
    loss, _ = m.logreg_loss_grad(np.zeros(4), X, y)
    assert_close(loss, np.log(2.0), what=tr("loss at w = 0", "w = 0 时的损失"))


def test_gradient_at_zero(m):
    """at w = 0 the gradient is Xᵀ(½ − y)/n, with shape (d,)
    zh: w = 0 时梯度是 Xᵀ(½ − y)/n，形状为 (d,)"""
    X, y = _data()
    _, grad = m.logreg_loss_grad(np.zeros(4), X, y)
    assert_shape(grad, (4,), "grad")
    assert_close(grad, X.T @ (0.5 - y) / 30, what=tr("grad at w = 0", "w = 0 时的 grad"))


def test_reference_loss(m):
    """matches −mean(y·log p + (1−y)·log(1−p)) for moderate weights
    zh: 权重大小适中时，损失等于 −mean(y·log p + (1−y)·log(1−p))"""
    X, y = _data(seed=1)
    w = np.array([0.5, -1.0, 0.25, 2.0])
    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    loss, _ = m.logreg_loss_grad(w, X, y)
    assert_close(loss, expected, what=tr("loss", "损失"))


def test_gradient_check(m):
    """the analytic gradient agrees with central differences
    zh: 解析梯度与中心差分的数值梯度一致"""
    X, y = _data(seed=2, n=25, d=5)
    w = rng(3).normal(size=5)
    _, grad = m.logreg_loss_grad(w, X, y)
    grad_check(lambda v: m.logreg_loss_grad(v, X, y)[0], w, grad, what="dloss/dw")


def test_huge_logits_are_stable(m):
    """|z| = 1000: right answers give loss ≈ 0, wrong ones loss ≈ 1000, finite and without warnings
    zh: |z| = 1000 时，全预测对损失 ≈ 0，全预测错损失 ≈ 1000，结果有限且没有警告"""
    X = np.array([[1.0], [-1.0]])
    w = np.array([1000.0])
    # underflow to 0 is harmless, so only overflow/invalid/divide count here
    with no_warnings("logreg_loss_grad"), np.errstate(under="ignore"):
        loss_ok, grad_ok = m.logreg_loss_grad(w, X, np.array([1.0, 0.0]))
        loss_bad, grad_bad = m.logreg_loss_grad(w, X, np.array([0.0, 1.0]))
    assert_close(loss_ok, 0.0, atol=1e-12, what=tr("loss when both examples are right with |z| = 1000", "|z| = 1000 且两个样本都预测对时的损失"))
    assert_close(loss_bad, 1000.0, what=tr("loss when both examples are wrong with |z| = 1000", "|z| = 1000 且两个样本都预测错时的损失"))
    assert_true(np.all(np.isfinite(grad_ok)) and np.all(np.isfinite(grad_bad)), "the gradient must stay finite", "梯度必须保持有限（不能是 inf 或 NaN）")
    assert_close(grad_bad, [1.0], what=tr("grad when both examples are wrong", "两个样本都预测错时的 grad"))


def test_gradient_descent_reduces_loss(m):
    """a small step against the gradient lowers the loss
    zh: 沿负梯度方向走一小步，损失会下降"""
    X, y = _data(seed=4, n=40, d=3)
    w = rng(5).normal(size=3)
    loss0, grad = m.logreg_loss_grad(w, X, y)
    loss1, _ = m.logreg_loss_grad(w - 0.1 * grad, X, y)
    assert_true(loss1 < loss0, tr("loss did not decrease after a gradient step (%.6f -> %.6f)",
                                     "走了一步梯度下降，损失却没有下降（%.6f -> %.6f）") % (loss0, loss1))
