import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def test_square(m):
    """the gradient of sum(x²) is 2x"""
    x = rng(0).normal(size=5)
    g = m.numerical_grad(lambda v: np.sum(v ** 2), x)
    assert_close(g, 2 * x, rtol=1e-6, atol=1e-8, what="gradient of sum(x²)")


def test_sin(m):
    """the gradient of sum(sin x) is cos x"""
    x = rng(1).uniform(-3, 3, size=6)
    g = m.numerical_grad(lambda v: np.sum(np.sin(v)), x)
    assert_close(g, np.cos(x), rtol=1e-6, atol=1e-8, what="gradient of sum(sin x)")


def test_matrix_shape(m):
    """a (3, 4) input gives a (3, 4) gradient, in the right places"""
    A = rng(2).normal(size=(3, 4))
    x = rng(3).normal(size=(3, 4))
    g = m.numerical_grad(lambda v: np.sum(A * v), x)
    assert_shape(g, (3, 4), what="gradient")
    assert_close(g, A, rtol=1e-6, atol=1e-8, what="gradient of sum(A * x)")


def test_chain_rule(m):
    """matches the chain rule: d/dx exp(sin x) = cos x · exp(sin x)"""
    x = rng(4).uniform(-2, 2, size=4)
    g = m.numerical_grad(lambda v: np.sum(np.exp(np.sin(v))), x)
    assert_close(g, np.cos(x) * np.exp(np.sin(x)), rtol=1e-6, atol=1e-8, what="gradient")


def test_central_not_forward(m):
    """uses central differences: d/dx x³ at x=2 with eps=0.1 is exactly 12.01"""
    g = m.numerical_grad(lambda v: np.sum(v ** 3), np.array([2.0]), eps=0.1)
    assert_true(abs(float(np.ravel(g)[0]) - 12.61) > 1e-3,
                "got 12.61, the forward difference (f(x+eps) − f(x)) / eps: use (f(x+eps) − f(x−eps)) / (2·eps)")
    assert_close(g, [12.01], rtol=1e-9, atol=1e-9, what="central difference with eps=0.1")


def test_input_unchanged(m):
    """leaves the caller's x unchanged"""
    x = rng(5).normal(size=(2, 3))
    before = x.copy()
    m.numerical_grad(lambda v: np.sum(v ** 2), x)
    assert_close(x, before, rtol=0, atol=0, what="x after the call")


def test_integer_input(m):
    """works for an integer array: x = [1, 2, 3] gives 2x = [2, 4, 6]"""
    g = m.numerical_grad(lambda v: np.sum(v ** 2), np.array([1, 2, 3]))
    assert_close(g, [2.0, 4.0, 6.0], rtol=1e-6, atol=1e-8, what="gradient for integer input")
