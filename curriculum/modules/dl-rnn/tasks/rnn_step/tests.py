import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr


def test_zero_weights_give_tanh_b(m):
    """with zero weights the new state is tanh(b) for every example
    zh: 权重全为 0 时，每个样本的新状态都是 tanh(b)"""
    b = np.array([0.5, -1.0, 2.0])
    out = m.rnn_step(np.ones((4, 2)), np.ones((4, 3)), np.zeros((2, 3)), np.zeros((3, 3)), b)
    assert_close(out, np.tile(np.tanh(b), (4, 1)))


def test_reference_values(m):
    """a 1-example, 2-input, 2-unit step matches hand-computed values
    zh: 1 个样本、2 维输入、2 个单元走一步，结果与手算值一致"""
    x = np.array([[1.0, 2.0]])
    h = np.array([[0.5, -0.5]])
    Wx = np.array([[0.1, 0.2], [0.3, -0.4]])
    Wh = np.array([[1.0, 0.0], [0.0, 1.0]])
    b = np.array([0.0, 0.1])
    # pre-activation: [0.1 + 0.6 + 0.5, 0.2 - 0.8 - 0.5 + 0.1] = [1.2, -1.0]
    assert_close(m.rnn_step(x, h, Wx, Wh, b), [[np.tanh(1.2), np.tanh(-1.0)]])


def test_shape(m):
    """batch 5, input 3, hidden 4 gives shape (5, 4)
    zh: 批大小 5、输入维度 3、隐藏维度 4，输出形状为 (5, 4)"""
    g = rng(0)
    out = m.rnn_step(g.normal(size=(5, 3)), g.normal(size=(5, 4)), g.normal(size=(3, 4)),
                     g.normal(size=(4, 4)), g.normal(size=4))
    assert_shape(out, (5, 4))


def test_uses_previous_state(m):
    """the previous hidden state goes through Wh (not Wx)
    zh: 上一步的隐藏状态要乘 Wh（而不是 Wx）"""
    g = rng(1)
    x, h = g.normal(size=(3, 2)), g.normal(size=(3, 4))
    Wx, Wh, b = g.normal(size=(2, 4)), g.normal(size=(4, 4)), g.normal(size=4)
    assert_close(m.rnn_step(x, h, Wx, Wh, b), np.tanh(x @ Wx + h @ Wh + b))


def test_bounded_without_warnings(m):
    """huge pre-activations stay in [-1, 1] with no overflow warning
    zh: 预激活很大时输出仍在 [-1, 1] 内，且没有溢出警告"""
    g = rng(2)
    with no_warnings("rnn_step"):
        out = np.asarray(m.rnn_step(g.normal(size=(3, 2)) * 1e3, np.zeros((3, 2)),
                                    g.normal(size=(2, 2)) * 1e3, np.zeros((2, 2)), np.zeros(2)))
    assert_true(np.all(np.abs(out) <= 1.0), "tanh outputs must lie in [-1, 1]", "tanh 的输出必须落在 [-1, 1] 内")


def test_unrolled_sequence(m):
    """running 6 steps over a sequence matches the reference recurrence
    zh: 在一个序列上连走 6 步，结果与参考递推一致"""
    g = rng(3)
    xs = g.normal(size=(6, 2, 3))
    Wx, Wh, b = g.normal(size=(3, 4)) * 0.5, g.normal(size=(4, 4)) * 0.5, g.normal(size=4) * 0.1
    h_ref = h = np.zeros((2, 4))
    for t in range(6):
        h = m.rnn_step(xs[t], h, Wx, Wh, b)
        h_ref = np.tanh(xs[t] @ Wx + h_ref @ Wh + b)
    assert_close(h, h_ref, what=tr("state after 6 steps", "6 步之后的状态"))
