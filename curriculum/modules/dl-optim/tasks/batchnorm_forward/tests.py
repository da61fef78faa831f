import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr


def test_reference_values(m):
    """x = [[1, 2], [3, 6]] normalises to about [[-1, -1], [1, 1]] (biased variance, eps inside the sqrt)
    zh: x = [[1, 2], [3, 6]] 归一化后约为 [[-1, -1], [1, 1]]（用有偏方差，eps 放在 sqrt 里面）"""
    x = np.array([[1.0, 2.0], [3.0, 6.0]])
    out = m.batchnorm_forward(x, np.ones(2), np.zeros(2))
    assert_close(out, [[-0.999995000037, -0.999998750002], [0.999995000037, 0.999998750002]], rtol=1e-9)


def test_zero_mean_per_feature(m):
    """with gamma = 1 and beta = 0, every feature has mean below 1e-12
    zh: gamma = 1、beta = 0 时，每个特征的均值都小于 1e-12"""
    x = rng(0).normal(3.0, 5.0, size=(64, 10))
    out = np.asarray(m.batchnorm_forward(x, np.ones(10), np.zeros(10)))
    assert_shape(out, (64, 10))
    worst = float(np.abs(out.mean(axis=0)).max())
    assert_true(worst < 1e-12, tr("largest per-feature mean is %.3g, expected < 1e-12 (normalise along axis 0)",
                                 "各特征均值中最大的是 %.3g，应小于 1e-12（要沿 axis 0 归一化）") % worst)


def test_unit_variance_per_feature(m):
    """with gamma = 1 and beta = 0, every feature has variance var / (var + eps), about 1
    zh: gamma = 1、beta = 0 时，每个特征的方差都是 var / (var + eps)，约等于 1"""
    x = rng(1).normal(-2.0, 0.5, size=(128, 6))
    v = x.var(axis=0)
    out = np.asarray(m.batchnorm_forward(x, np.ones(6), np.zeros(6)))
    assert_close(out.var(axis=0), v / (v + 1e-5), rtol=1e-9, what=tr("per-feature variance", "各特征的方差"))


def test_gamma_beta(m):
    """gamma scales and beta shifts each normalised feature
    zh: 对归一化后的每个特征，gamma 负责缩放，beta 负责平移"""
    x = rng(2).normal(size=(32, 3))
    gamma, beta = np.array([2.0, -1.0, 0.5]), np.array([1.0, 0.0, -3.0])
    base = np.asarray(m.batchnorm_forward(x, np.ones(3), np.zeros(3)))
    assert_close(m.batchnorm_forward(x, gamma, beta), gamma * base + beta)


def test_shift_invariance(m):
    """adding a constant to a feature does not change the output
    zh: 给某个特征整体加上一个常数，输出不变"""
    x = rng(3).normal(size=(16, 4))
    shift = np.array([100.0, -7.0, 0.0, 3.5])
    a = m.batchnorm_forward(x, np.ones(4), np.zeros(4))
    b = m.batchnorm_forward(x + shift, np.ones(4), np.zeros(4))
    assert_close(b, a, rtol=1e-7, atol=1e-9)


def test_constant_feature_is_safe(m):
    """a constant feature gives 0 without a division-by-zero warning (eps protects it)
    zh: 取值恒定的特征输出 0，而且没有除零警告（eps 起保护作用）"""
    x = np.column_stack([np.full(8, 5.0), np.arange(8.0)])
    with no_warnings("batchnorm_forward"):
        out = np.asarray(m.batchnorm_forward(x, np.ones(2), np.zeros(2)))
    assert_close(out[:, 0], np.zeros(8), what=tr("the constant feature", "恒定的那个特征"))


def test_custom_eps(m):
    """the eps argument is used: with eps = 1, x = [[0], [2]] gives [[-1/sqrt(2)], [1/sqrt(2)]]
    zh: 用上了参数 eps：eps = 1 时，x = [[0], [2]] 得到 [[-1/sqrt(2)], [1/sqrt(2)]]"""
    out = m.batchnorm_forward(np.array([[0.0], [2.0]]), np.ones(1), np.zeros(1), eps=1.0)
    assert_close(out, [[-1 / np.sqrt(2)], [1 / np.sqrt(2)]])
