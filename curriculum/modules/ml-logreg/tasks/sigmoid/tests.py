import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_reference_values(m):
    """σ(0) = 0.5 and σ(2) = 0.8807971
    zh: σ(0) 等于 0.5，σ(2) 等于 0.8807971"""
    assert_close(m.sigmoid(0.0), 0.5, what="sigmoid(0)")
    assert_close(m.sigmoid(2.0), 0.8807970779778823, what="sigmoid(2)")
    assert_close(m.sigmoid(np.array([-1.0, 0.0, 1.0])), [0.2689414213699951, 0.5, 0.7310585786300049])


def test_extreme_inputs_without_warnings(m):
    """σ(1000) = 1 and σ(−1000) = 0 with no overflow warning
    zh: σ(1000) = 1，σ(−1000) = 0，而且没有溢出警告"""
    # underflow of e^(-1000) to 0 is harmless, so only overflow/invalid/divide count here
    with no_warnings("sigmoid"), np.errstate(under="ignore"):
        out = m.sigmoid(np.array([-1000.0, 1000.0]))
    assert_close(out, [0.0, 1.0], what="sigmoid([-1000, 1000])")
    with no_warnings("sigmoid"), np.errstate(under="ignore"):
        out = m.sigmoid(np.array([-745.0, -40.0, 40.0, 745.0]))
    assert_true(np.all(np.isfinite(out)), tr("sigmoid returned NaN or inf for large |z|", "|z| 很大时 sigmoid 返回了 NaN 或 inf"))


def test_symmetry(m):
    """σ(−z) = 1 − σ(z) for random z
    zh: 对随机的 z，σ(−z) = 1 − σ(z) 成立"""
    z = rng(0).normal(scale=5.0, size=50)
    assert_close(m.sigmoid(-z), 1.0 - m.sigmoid(z), rtol=1e-6, atol=1e-12, what="sigmoid(-z)")


def test_shape_preserved(m):
    """keeps the input shape, e.g. (3, 4) in, (3, 4) out
    zh: 输出形状与输入相同，例如输入 (3, 4)，输出也是 (3, 4)"""
    z = rng(1).normal(size=(3, 4))
    assert_shape(m.sigmoid(z), (3, 4))


def test_range_and_monotone(m):
    """outputs lie in [0, 1] and increase with z
    zh: 输出都在 [0, 1] 内，并随 z 增大而增大"""
    z = np.linspace(-50.0, 50.0, 201)
    s = np.asarray(m.sigmoid(z), dtype=np.float64)
    assert_true(np.all((s >= 0.0) & (s <= 1.0)), "sigmoid must stay within [0, 1]", "sigmoid 的输出必须在 [0, 1] 之内")
    assert_true(np.all(np.diff(s) >= 0.0), "sigmoid must be non-decreasing in z", "sigmoid 必须随 z 单调不减")


def test_derivative(m):
    """its derivative is σ(z)·(1 − σ(z)) (gradient check)
    zh: 导数是 σ(z)·(1 − σ(z))（梯度检验）"""
    z = rng(2).normal(size=6)
    s = np.asarray(m.sigmoid(z), dtype=np.float64)
    grad_check(lambda v: float(np.sum(m.sigmoid(v))), z, s * (1.0 - s), what="dσ/dz")


def test_integer_input(m):
    """integer input gives float probabilities: σ([-1, 0, 2]) = [0.2689414, 0.5, 0.8807971], and σ(2) for the int 2
    zh: 整数输入得到浮点数概率：σ([-1, 0, 2]) = [0.2689414, 0.5, 0.8807971]，整数 2 的 σ(2) 也一样"""
    assert_close(m.sigmoid(np.array([-1, 0, 2])), [0.2689414213699951, 0.5, 0.8807970779778823],
                 what=tr("sigmoid of the integer array [-1, 0, 2]", "整数数组 [-1, 0, 2] 的 sigmoid"))
    assert_close(m.sigmoid(2), 0.8807970779778823, what=tr("sigmoid of the Python int 2", "Python 整数 2 的 sigmoid"))
