import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_square(m):
    """the gradient of sum(x²) is 2x
    zh: sum(x²) 的梯度是 2x"""
    x = rng(0).normal(size=5)
    g = m.numerical_grad(lambda v: np.sum(v ** 2), x)
    assert_close(g, 2 * x, rtol=1e-6, atol=1e-8, what=tr("gradient of sum(x²)", "sum(x²) 的梯度"))


def test_sin(m):
    """the gradient of sum(sin x) is cos x
    zh: sum(sin x) 的梯度是 cos x"""
    x = rng(1).uniform(-3, 3, size=6)
    g = m.numerical_grad(lambda v: np.sum(np.sin(v)), x)
    assert_close(g, np.cos(x), rtol=1e-6, atol=1e-8, what=tr("gradient of sum(sin x)", "sum(sin x) 的梯度"))


def test_matrix_shape(m):
    """a (3, 4) input gives a (3, 4) gradient, in the right places
    zh: 输入形状为 (3, 4)，梯度也是 (3, 4)，且每个元素都在正确的位置"""
    A = rng(2).normal(size=(3, 4))
    x = rng(3).normal(size=(3, 4))
    g = m.numerical_grad(lambda v: np.sum(A * v), x)
    assert_shape(g, (3, 4), what=tr("gradient", "梯度"))
    assert_close(g, A, rtol=1e-6, atol=1e-8, what=tr("gradient of sum(A * x)", "sum(A * x) 的梯度"))


def test_chain_rule(m):
    """matches the chain rule: d/dx exp(sin x) = cos x · exp(sin x)
    zh: 与链式法则的结果一致：d/dx exp(sin x) = cos x · exp(sin x)"""
    x = rng(4).uniform(-2, 2, size=4)
    g = m.numerical_grad(lambda v: np.sum(np.exp(np.sin(v))), x)
    assert_close(g, np.cos(x) * np.exp(np.sin(x)), rtol=1e-6, atol=1e-8, what=tr("gradient", "梯度"))


def test_central_not_forward(m):
    """uses central differences: d/dx x³ at x=2 with eps=0.1 is exactly 12.01
    zh: 用的是中心差分：x=2、eps=0.1 时 d/dx x³ 恰好是 12.01"""
    g = m.numerical_grad(lambda v: np.sum(v ** 3), np.array([2.0]), eps=0.1)
    assert_true(abs(float(np.ravel(g)[0]) - 12.61) > 1e-3,
                tr("got 12.61, the forward difference (f(x+eps) − f(x)) / eps: use (f(x+eps) − f(x−eps)) / (2·eps)",
                   "得到 12.61，这是前向差分 (f(x+eps) − f(x)) / eps 的结果：请改用中心差分 (f(x+eps) − f(x−eps)) / (2·eps)"))
    assert_close(g, [12.01], rtol=1e-9, atol=1e-9, what=tr("central difference with eps=0.1", "eps=0.1 时的中心差分"))


def test_input_unchanged(m):
    """leaves the caller's x unchanged
    zh: 不修改调用者传入的 x"""
    x = rng(5).normal(size=(2, 3))
    before = x.copy()
    m.numerical_grad(lambda v: np.sum(v ** 2), x)
    assert_close(x, before, rtol=0, atol=0, what=tr("x after the call", "调用之后的 x"))


def test_integer_input(m):
    """works for an integer array: x = [1, 2, 3] gives 2x for sum(x²) and the floats cos x for sum(sin x)
    zh: 整数数组也能用：x = [1, 2, 3] 时，sum(x²) 的梯度是 2x，sum(sin x) 的梯度是浮点数 cos x"""
    x = np.array([1, 2, 3])
    g = m.numerical_grad(lambda v: np.sum(v ** 2), x)
    assert_close(g, [2.0, 4.0, 6.0], rtol=1e-6, atol=1e-8, what=tr("gradient of sum(x²) for integer input", "整数输入时 sum(x²) 的梯度"))
    g = m.numerical_grad(lambda v: np.sum(np.sin(v)), x)
    assert_true(np.issubdtype(np.asarray(g).dtype, np.floating),
                tr("the gradient has dtype %s for an integer x: return floats (cos x is not an integer)",
                   "x 是整数数组时梯度的 dtype 是 %s：应返回浮点数（cos x 不是整数）") % np.asarray(g).dtype)
    assert_close(g, np.cos([1.0, 2.0, 3.0]), rtol=1e-6, atol=1e-8,
                 what=tr("gradient of sum(sin x) for integer input", "整数输入时 sum(sin x) 的梯度"))
