import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _ref(x, h, c, W, U, b):
    a = x @ W + h @ U + b
    H = a.shape[1] // 4
    i, f, g, o = _sig(a[:, :H]), _sig(a[:, H:2 * H]), np.tanh(a[:, 2 * H:3 * H]), _sig(a[:, 3 * H:])
    c2 = f * c + i * g
    return o * np.tanh(c2), c2


def _params(D, H, seed):
    g = rng(seed)
    return g.normal(size=(D, 4 * H)) * 0.5, g.normal(size=(H, 4 * H)) * 0.5, g.normal(size=4 * H) * 0.1, g


def test_reference_values(m):
    """a 1-unit LSTM step matches hand-computed values (gate order i, f, g, o)
    zh: 单个单元的 LSTM 走一步，结果与手算值一致（门的顺序为 i、f、g、o）"""
    x, h, c = np.array([[1.0, -1.0]]), np.array([[0.5]]), np.array([[2.0]])
    W = np.array([[0.1, 0.2, 0.3, 0.4], [0.5, -0.6, 0.7, -0.8]])
    U = np.array([[1.0, -1.0, 0.5, 0.25]])
    b = np.array([0.0, 1.0, 0.0, -0.5])
    h2, c2 = m.lstm_step(x, h, c, W, U, b)
    assert_close(c2, [[1.493508422105773]], what="c_new")
    assert_close(h2, [[0.628526124250757]], what="h_new")


def test_forget_open_input_closed_keeps_memory(m):
    """forget bias +50 and input bias -50: the cell state is carried over unchanged
    zh: 遗忘门偏置 +50、输入门偏置 -50：细胞状态原样传下去"""
    D, H = 3, 4
    W, U = np.zeros((D, 4 * H)), np.zeros((H, 4 * H))
    b = np.zeros(4 * H)
    b[0:H] = -50.0        # input gate closed
    b[H:2 * H] = 50.0     # forget gate open
    b[2 * H:3 * H] = 1.0  # some candidate that must not get in
    g = rng(0)
    c = g.normal(size=(2, H))
    h2, c2 = m.lstm_step(g.normal(size=(2, D)), g.normal(size=(2, H)), c, W, U, b)
    assert_close(c2, c, what="c_new")


def test_gate_order(m):
    """input open, forget closed, output closed: c_new = tanh(candidate) and h_new = 0
    zh: 输入门开、遗忘门关、输出门关：c_new = tanh(候选值)，h_new = 0"""
    H = 2
    W, U = np.zeros((1, 4 * H)), np.zeros((H, 4 * H))
    b = np.concatenate([np.full(H, 50.0), np.full(H, -50.0), np.array([0.3, -0.7]), np.full(H, -50.0)])
    h2, c2 = m.lstm_step(np.ones((1, 1)), np.zeros((1, H)), np.full((1, H), 9.0), W, U, b)
    assert_close(c2, [np.tanh([0.3, -0.7])], what=tr("c_new (blocks must be i, f, g, o)", "c_new（各块的顺序必须是 i、f、g、o）"))
    assert_close(h2, [[0.0, 0.0]], atol=1e-12, what=tr("h_new with the output gate closed", "输出门关闭时的 h_new"))


def test_shapes(m):
    """batch 5, input 3, hidden 4: both outputs have shape (5, 4)
    zh: 批大小 5、输入维度 3、隐藏维度 4：两个输出的形状都是 (5, 4)"""
    W, U, b, g = _params(3, 4, 1)
    h2, c2 = m.lstm_step(g.normal(size=(5, 3)), g.normal(size=(5, 4)), g.normal(size=(5, 4)), W, U, b)
    assert_shape(h2, (5, 4), what="h_new")
    assert_shape(c2, (5, 4), what="c_new")


def test_matches_reference_on_random_inputs(m):
    """random batch: h_new and c_new match the LSTM equations
    zh: 随机的一批输入：h_new 和 c_new 符合 LSTM 的公式"""
    W, U, b, g = _params(3, 5, 2)
    x, h, c = g.normal(size=(4, 3)), g.normal(size=(4, 5)), g.normal(size=(4, 5))
    h2, c2 = m.lstm_step(x, h, c, W, U, b)
    eh, ec = _ref(x, h, c, W, U, b)
    assert_close(c2, ec, what="c_new")
    assert_close(h2, eh, what="h_new")


def test_saturated_gates_without_warnings(m):
    """pre-activations of +-1000 give clean 0/1 gates with no overflow warning, next to an ordinary row
    zh: 预激活为 ±1000 时，门干净利落地取 0 或 1，且没有溢出警告；同一批里还有一行普通大小的输入"""
    H = 3
    # row 0: x = 1 gives pre-activations of -1000 (input), +1000 (forget), 0 (candidate), +1000 (output);
    # row 1: x = 0.001 gives -1, +1, 0, +1 in the same batch
    W = np.concatenate([np.full(H, -1000.0), np.full(H, 1000.0), np.zeros(H), np.full(H, 1000.0)])[None, :]
    U, b = np.zeros((H, 4 * H)), np.zeros(4 * H)
    x = np.array([[1.0], [0.001]])
    c = np.array([[0.5, -1.0, 2.0], [0.5, -1.0, 2.0]])
    with no_warnings("lstm_step"):
        h2, c2 = m.lstm_step(x, np.zeros((2, H)), c, W, U, b)
    eh, ec = _ref(x[1:], np.zeros((1, H)), c[1:], W, U, b)
    assert_close(c2, np.vstack([c[:1], ec]), what="c_new")
    assert_close(h2, np.vstack([np.tanh(c[:1]), eh]), what="h_new")


def test_memory_over_100_steps(m):
    """with the forget gate open and the input gate closed, c survives 100 steps
    zh: 遗忘门打开、输入门关闭时，c 能保持 100 步不变"""
    H = 2
    W, U = np.zeros((2, 4 * H)), np.zeros((H, 4 * H))
    b = np.concatenate([np.full(H, -50.0), np.full(H, 50.0), np.full(H, 0.9), np.zeros(H)])
    g = rng(3)
    c0 = np.array([[1.5, -0.25]])
    h, c = np.zeros((1, H)), c0.copy()
    for _ in range(100):
        h, c = m.lstm_step(g.normal(size=(1, 2)), h, c, W, U, b)
    assert_true(np.allclose(c, c0, atol=1e-9), tr("the cell state drifted to %s, expected %s",
                                                  "细胞状态漂移到了 %s，应保持为 %s") % (np.asarray(c), c0))
