import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _ref(theta, g, m, v, t, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    return theta - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps), m, v


def test_first_step_reference(m):
    """first step from zero state, g = [0.5, -3, 1e-3]: change [-0.001, +0.001, -0.00099999]
    zh: 从全零状态走第一步，g = [0.5, -3, 1e-3]：参数变化 [-0.001, +0.001, -0.00099999]"""
    z = np.zeros(3)
    theta, m1, v1 = m.adam_step(z, np.array([0.5, -3.0, 1e-3]), z, z, 1)
    assert_close(theta, [-0.00099999998, 0.000999999997, -0.00099999], rtol=1e-7, what="theta_new")
    assert_close(m1, [0.05, -0.3, 1e-4], what="m_new")
    assert_close(v1, [2.5e-4, 9e-3, 1e-9], what="v_new")


def test_first_step_is_lr_times_sign(m):
    """thanks to bias correction, the first step is about lr * sign(g), whatever the size of g
    zh: 有了偏差修正，不管 g 多大多小，第一步都约等于 lr * sign(g)"""
    g = rng(0).normal(size=10) * np.logspace(-2, 3, 10)
    z = np.zeros(10)
    theta, _, _ = m.adam_step(z, g, z, z, 1, lr=0.01)
    assert_close(theta, -0.01 * np.sign(g), rtol=1e-4, what=tr("first step", "第一步"))


def test_second_step_reference(m):
    """a second step with g = [0.2, 1, -0.5] matches the reference
    zh: 用 g = [0.2, 1, -0.5] 走第二步，结果与参考值一致"""
    theta1 = np.array([-0.00099999998, 0.000999999997, -0.00099999])
    m1, v1 = np.array([0.05, -0.3, 1e-4]), np.array([2.5e-4, 9e-3, 1e-9])
    theta2, m2, v2 = m.adam_step(theta1, np.array([0.2, 1.0, -0.5]), m1, v1, 2)
    assert_close(theta2, [-0.001898575161, 0.001400218567, -0.000257194128], rtol=1e-8, what="theta_new")
    assert_close(m2, [0.065, -0.17, -0.04991], what="m_new")
    assert_close(v2, [0.00028975, 0.009991, 0.000250000999], what="v_new")


def test_matches_reference_with_custom_hyperparameters(m):
    """step 7 with lr=0.05, beta1=0.8, beta2=0.99, eps=1e-6 matches the formula
    zh: 取 lr=0.05、beta1=0.8、beta2=0.99、eps=1e-6 走第 7 步，结果符合公式"""
    g0 = rng(1)
    theta, g = g0.normal(size=(3, 4)), g0.normal(size=(3, 4))
    mm, vv = g0.normal(size=(3, 4)) * 0.1, g0.uniform(0.0, 0.2, size=(3, 4))
    got = m.adam_step(theta, g, mm, vv, 7, lr=0.05, beta1=0.8, beta2=0.99, eps=1e-6)
    exp = _ref(theta, g, mm, vv, 7, 0.05, 0.8, 0.99, 1e-6)
    for name, a, b in zip(("theta_new", "m_new", "v_new"), got, exp):
        assert_shape(a, (3, 4), what=name)
        assert_close(a, b, what=name)


def test_inputs_not_modified(m):
    """theta, g, m and v are left unchanged
    zh: 不改动传入的 theta、g、m 和 v"""
    g0 = rng(2)
    arrs = [g0.normal(size=5) for _ in range(3)] + [g0.uniform(0, 1, size=5)]
    copies = [a.copy() for a in arrs]
    m.adam_step(*arrs, 3)
    for name, a, c in zip(("theta", "g", "m", "v"), arrs, copies):
        assert_close(a, c, what=tr(name + " after the call", "调用之后的 " + name))


def test_minimises_a_quadratic(m):
    """2000 steps with lr = 0.01 bring theta close to the minimum of |theta - c|^2
    zh: 以 lr = 0.01 走 2000 步后，theta 应接近 |theta - c|^2 的最小值点"""
    c = np.array([1.0, -2.0, 0.5])
    theta, mm, vv = np.zeros(3), np.zeros(3), np.zeros(3)
    for t in range(1, 2001):
        theta, mm, vv = m.adam_step(theta, 2 * (theta - c), mm, vv, t, lr=0.01)
    assert_true(np.abs(np.asarray(theta) - c).max() < 1e-2,
                tr("after 2000 steps theta = %s, expected close to %s",
                   "走了 2000 步后 theta = %s，应接近 %s") % (np.round(theta, 4), c))
