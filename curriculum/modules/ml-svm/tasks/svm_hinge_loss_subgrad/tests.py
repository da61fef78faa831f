import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _data(seed=0, n=40, d=3):
    g = rng(seed)
    X = g.normal(size=(n, d))
    y = np.where(X @ np.array([1.0, -1.0, 0.5]) + 0.3 * g.normal(size=n) > 0, 1.0, -1.0)
    return X, y


def test_loss_is_one_at_zero(m):
    """at w = 0, b = 0 every margin is 0: loss = 1, dw = −mean(y·x), db = −mean(y)
    zh: w = 0、b = 0 时每个间隔都是 0：损失 = 1，dw = −mean(y·x)，db = −mean(y)"""
    X, y = _data()
    loss, dw, db = m.svm_hinge_loss_subgrad(np.zeros(3), 0.0, X, y, 0.1)
    assert_close(loss, 1.0, what=tr("loss at w = 0, b = 0", "w = 0、b = 0 时的损失"))
    assert_shape(dw, (3,), "dw")
    assert_close(dw, -(X * y[:, None]).mean(axis=0), what=tr("dw at w = 0", "w = 0 时的 dw"))
    assert_close(db, -y.mean(), what=tr("db at w = 0", "w = 0 时的 db"))


def test_reference_values(m):
    """a hand-computed example with one violating and one safe point
    zh: 一个手算的例子：一个点违反间隔，另一个点安全"""
    X = np.array([[2.0, 0.0], [0.5, 0.0]])
    y = np.array([1.0, 1.0])
    w = np.array([1.0, 1.0])
    # margins: 2.0 (safe) and 0.5 (violates by 0.5)
    loss, dw, db = m.svm_hinge_loss_subgrad(w, 0.0, X, y, 0.2)
    assert_close(loss, 0.5 * 0.5 + 0.1 * 2.0, what=tr("loss", "损失"))
    assert_close(dw, [0.2 - 0.25, 0.2], what="dw")
    assert_close(db, -0.5, what="db")


def test_margin_exactly_one_does_not_count(m):
    """a point with margin exactly 1 adds nothing: dw = λ·w and db = 0
    zh: 间隔恰好为 1 的点没有贡献：dw = λ·w，db = 0"""
    X = np.array([[1.0, 0.0], [0.0, 2.0]])
    y = np.array([1.0, -1.0])
    w = np.array([1.0, -0.5])                       # margins are exactly 1 and 1
    loss, dw, db = m.svm_hinge_loss_subgrad(w, 0.0, X, y, 0.5)
    assert_close(loss, 0.25 * (1.0 + 0.25), what=tr("loss (only the penalty is left)", "损失（只剩正则项）"))
    assert_close(dw, 0.5 * w, what="dw")
    assert_close(db, 0.0, what="db")


def test_subgradient_check_away_from_kinks(m):
    """where every |margin − 1| > 1e-3 the hinge is smooth: dw and db pass a gradient check
    zh: 所有 |margin − 1| > 1e-3 时合页损失是光滑的：dw 和 db 能通过梯度检验"""
    X, y = _data(seed=1, n=30)
    w = rng(2).normal(size=3)
    b = 0.2
    margins = y * (X @ w + b)
    assert_true(np.all(np.abs(margins - 1.0) > 1e-3), tr("test data too close to a kink (test bug)", "测试数据离折点太近（这是测试本身的问题）"))
    lam = 0.3
    _, dw, db = m.svm_hinge_loss_subgrad(w, b, X, y, lam)
    grad_check(lambda v: m.svm_hinge_loss_subgrad(v, b, X, y, lam)[0], w, dw, what="dloss/dw")
    grad_check(lambda v: m.svm_hinge_loss_subgrad(w, float(v[0]), X, y, lam)[0], np.array([b]),
               np.array([db]), what="dloss/db")


def test_all_safe_only_penalty(m):
    """when every margin is ≥ 1 the loss is (λ/2)‖w‖² and the subgradient is (λ·w, 0)
    zh: 所有间隔都 ≥ 1 时，损失是 (λ/2)‖w‖²，次梯度是 (λ·w, 0)"""
    X = np.array([[3.0, 1.0], [-2.0, -4.0], [5.0, 0.5]])
    y = np.array([1.0, -1.0, 1.0])
    w = np.array([1.0, 0.5])
    loss, dw, db = m.svm_hinge_loss_subgrad(w, 0.0, X, y, 0.1)
    assert_close(loss, 0.05 * 1.25, what=tr("loss", "损失"))
    assert_close(dw, 0.1 * w, what="dw")
    assert_close(db, 0.0, what="db")


def test_bias_not_penalised(m):
    """the penalty is on w only: with b = 0.5 and every margin ≥ 1, loss = (λ/2)‖w‖² and db = 0
    zh: 正则项只作用于 w：b = 0.5 且所有间隔都 ≥ 1 时，损失 = (λ/2)‖w‖²，db = 0"""
    X = np.array([[3.0, 1.0], [-2.0, -4.0], [5.0, 0.5]])
    y = np.array([1.0, -1.0, 1.0])
    w = np.array([1.0, 0.5])                        # margins 4, 3.5 and 5.75
    loss, dw, db = m.svm_hinge_loss_subgrad(w, 0.5, X, y, 0.1)
    assert_close(loss, 0.05 * 1.25, what=tr("loss with b = 0.5 (b is not penalised)", "b = 0.5 时的损失（b 不受惩罚）"))
    assert_close(dw, 0.1 * w, what="dw")
    assert_close(db, 0.0, what=tr("db with b = 0.5 (b is not penalised)", "b = 0.5 时的 db（b 不受惩罚）"))


def test_subgradient_descent_separates(m):
    """300 subgradient steps on separable data classify every training point correctly
    zh: 在线性可分的数据上走 300 步次梯度下降后，每个训练点都分类正确"""
    g = rng(3)
    X = np.vstack([g.normal(loc=[2.0, 2.0], size=(20, 2)), g.normal(loc=[-2.0, -2.0], size=(20, 2))])
    y = np.r_[np.ones(20), -np.ones(20)]
    w, b = np.zeros(2), 0.0
    loss0 = m.svm_hinge_loss_subgrad(w, b, X, y, 0.01)[0]
    for _ in range(300):
        _, dw, db = m.svm_hinge_loss_subgrad(w, b, X, y, 0.01)
        w, b = w - 0.1 * dw, b - 0.1 * db
    loss1 = m.svm_hinge_loss_subgrad(w, b, X, y, 0.01)[0]
    assert_true(loss1 < 0.2 * loss0, tr("the objective should fall a lot (%.4f -> %.4f)",
                                      "目标函数应当大幅下降（%.4f -> %.4f）") % (loss0, loss1))
    acc = np.mean(np.sign(X @ w + b) == y)
    assert_true(acc == 1.0, tr("training accuracy is %.2f, expected 1.0 on well-separated data",
                                   "训练准确率是 %.2f，数据分得很开，应为 1.0") % acc)
