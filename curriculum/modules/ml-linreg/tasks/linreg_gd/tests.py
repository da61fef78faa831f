import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _data(seed=0, n=50, noise=0.0):
    g = rng(seed)
    X = g.normal(size=(n, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 3.0 + noise * g.normal(size=n)
    return X, y


def test_shapes(m):
    """returns theta of shape (d+1,) and losses of shape (n_iter,)
    zh: 返回形状为 (d+1,) 的 theta 和形状为 (n_iter,) 的 losses"""
    X, y = _data()
    theta, losses = m.linreg_gd(X, y, lr=0.1, n_iter=7)
    assert_shape(theta, (4,), "theta")
    assert_shape(losses, (7,), "losses")


def test_first_step(m):
    """starts from theta = 0: losses[0] = mean(y²)/2 and one step gives lr·Xbᵀy/n
    zh: 从 theta = 0 出发：losses[0] = mean(y²)/2，走一步后 theta = lr·Xbᵀy/n"""
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([3.0, 5.0, 7.0])
    theta, losses = m.linreg_gd(X, y, lr=0.1, n_iter=1)
    assert_close(losses[0], 83.0 / 6.0, what=tr("losses[0] (the loss at theta = 0)", "losses[0]（theta = 0 处的损失）"))
    assert_close(theta, [0.5, 1.1333333333333333], what=tr("theta after one step", "走一步之后的 theta"))


def test_recovers_true_parameters(m):
    """y = X·[1, −2, 0.5] + 3 without noise: recovers [3, 1, −2, 0.5]
    zh: 无噪声的 y = X·[1, −2, 0.5] + 3：能还原出 [3, 1, −2, 0.5]"""
    X, y = _data()
    theta, _ = m.linreg_gd(X, y, lr=0.1, n_iter=2000)
    assert_close(theta, [3.0, 1.0, -2.0, 0.5], rtol=1e-6, atol=1e-6, what="theta = [b, w1, w2, w3]")


def test_matches_least_squares(m):
    """with noisy targets it converges to the least-squares solution (np.linalg.lstsq)
    zh: 目标值带噪声时，收敛到最小二乘解（np.linalg.lstsq）"""
    X, y = _data(seed=1, n=80, noise=0.3)
    Xb = np.hstack([np.ones((80, 1)), X])
    expected = np.linalg.lstsq(Xb, y, rcond=None)[0]
    theta, _ = m.linreg_gd(X, y, lr=0.1, n_iter=3000)
    assert_close(theta, expected, rtol=1e-6, atol=1e-6, what=tr("theta vs lstsq", "theta 与 lstsq 的解"))


def test_loss_never_increases(m):
    """at a small learning rate the loss never goes up
    zh: 学习率较小时，损失从不上升"""
    X, y = _data(seed=2, n=40, noise=0.5)
    _, losses = m.linreg_gd(X, y, lr=0.05, n_iter=300)
    diffs = np.diff(np.asarray(losses, dtype=np.float64))
    assert_true(np.all(diffs <= 1e-12),
                tr("the loss went up at step %d (%.6g -> %.6g)", "损失在第 %d 步上升了（%.6g -> %.6g）")
                % (int(np.argmax(diffs)) + 1, losses[int(np.argmax(diffs))], losses[int(np.argmax(diffs)) + 1]))
    assert_true(losses[-1] < 0.2 * losses[0], tr("the loss should fall a lot in 300 steps", "300 步之内损失应当大幅下降"))


def test_single_feature_and_inputs_untouched(m):
    """works with one feature (X of shape (n, 1)) and does not modify X or y
    zh: 只有一个特征（X 的形状为 (n, 1)）时也能用，且不修改 X 和 y"""
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = 2.0 * X[:, 0] + 1.0
    X0, y0 = X.copy(), y.copy()
    theta, _ = m.linreg_gd(X, y, lr=0.1, n_iter=5000)
    assert_close(theta, [1.0, 2.0], rtol=1e-6, atol=1e-6, what=tr("theta for y = 2x + 1", "y = 2x + 1 的 theta"))
    assert_close(X, X0, what=tr("X after the call", "调用之后的 X"))
    assert_close(y, y0, what=tr("y after the call", "调用之后的 y"))


def test_integer_input(m):
    """integer X and y work: X = [[1], [2], [3], [4]], y = [3, 5, 7, 9] gives theta = [1, 2]
    zh: 整数的 X 和 y 也能用：X = [[1], [2], [3], [4]]、y = [3, 5, 7, 9] 时得到 theta = [1, 2]"""
    X = np.array([[1], [2], [3], [4]])
    y = np.array([3, 5, 7, 9])
    theta, losses = m.linreg_gd(X, y, lr=0.1, n_iter=1)
    assert_close(theta, [0.6, 1.75], what=tr("theta after one step on integer data", "整数数据上走一步之后的 theta"))
    theta, _ = m.linreg_gd(X, y, lr=0.1, n_iter=5000)
    assert_close(theta, [1.0, 2.0], rtol=1e-6, atol=1e-6, what=tr("theta for integer data from y = 2x + 1", "y = 2x + 1 的整数数据得到的 theta"))
