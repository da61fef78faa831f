import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _net(sizes, seed):
    g = rng(seed)
    Ws = [g.normal(size=(a, b)) * np.sqrt(2.0 / a) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [g.normal(size=(b,)) * 0.1 for b in sizes[1:]]
    return Ws, bs, g


def test_reference_values(m):
    """a 2-2-1 network by hand: x = [1, -2] gives 3
    zh: 手算一个 2-2-1 网络：x = [1, -2] 时输出 3"""
    X = np.array([[1.0, -2.0]])
    Ws = [np.eye(2), np.array([[2.0], [3.0]])]
    bs = [np.zeros(2), np.array([1.0])]
    # hidden: relu([1, -2]) = [1, 0]; output: 2*1 + 3*0 + 1 = 3
    assert_close(m.deep_forward(X, Ws, bs), [[3.0]])


def test_output_layer_is_linear(m):
    """the last layer has no ReLU: a single layer can output negative numbers
    zh: 最后一层没有 ReLU：单层网络可以输出负数"""
    X = np.array([[1.0, 2.0]])
    out = m.deep_forward(X, [np.array([[-1.0], [-1.0]])], [np.array([0.5])])
    assert_close(out, [[-2.5]])


def test_output_shape(m):
    """a 5-8-8-3 network on 7 examples returns shape (7, 3)
    zh: 5-8-8-3 网络处理 7 个样本，返回形状 (7, 3)"""
    Ws, bs, g = _net([5, 8, 8, 3], 1)
    out = m.deep_forward(g.normal(size=(7, 5)), Ws, bs)
    assert_shape(out, (7, 3))


def test_matches_per_example_loop(m):
    """the vectorised pass equals a plain loop over examples and layers
    zh: 向量化的前向传播与逐样本、逐层的普通循环结果相同"""
    Ws, bs, g = _net([4, 6, 5, 2], 2)
    X = g.normal(size=(10, 4))
    expected = []
    for x in X:
        a = x
        for l, (W, b) in enumerate(zip(Ws, bs)):
            z = np.array([sum(a[i] * W[i, j] for i in range(W.shape[0])) + b[j] for j in range(W.shape[1])])
            a = np.maximum(z, 0) if l < len(Ws) - 1 else z
        expected.append(a)
    assert_close(m.deep_forward(X, Ws, bs), np.array(expected))


def test_hidden_relu_blocks_negative(m):
    """hidden units with very negative pre-activations output 0, so the result is the last bias
    zh: 隐藏单元的预激活值非常负时输出 0，于是结果就是最后一层的偏置"""
    Ws, bs, g = _net([3, 4, 2], 3)
    bs = [np.full(4, -1e3), np.array([0.7, -0.2])]
    out = m.deep_forward(g.normal(size=(5, 3)), Ws, bs)
    assert_close(out, np.tile([0.7, -0.2], (5, 1)))


def test_positive_homogeneity(m):
    """with zero biases, doubling the input doubles the output (ReLU is positively homogeneous)
    zh: 偏置全为 0 时，输入翻倍，输出也翻倍（ReLU 是正齐次的）"""
    Ws, bs, g = _net([4, 16, 16, 3], 4)
    bs = [np.zeros_like(b) for b in bs]
    X = g.normal(size=(6, 4))
    assert_close(m.deep_forward(2.0 * X, Ws, bs), 2.0 * m.deep_forward(X, Ws, bs))


def test_rows_are_independent(m):
    """each output row depends only on its own input row
    zh: 每一行输出只取决于对应的那一行输入"""
    Ws, bs, g = _net([3, 5, 2], 5)
    X = g.normal(size=(4, 3))
    full = np.asarray(m.deep_forward(X, Ws, bs))
    one = np.asarray(m.deep_forward(X[2:3], Ws, bs))
    assert_true(full.shape == (4, 2), tr("expected output shape (4, 2), got %s", "输出形状应为 (4, 2)，得到的是 %s") % (full.shape,))
    assert_close(one, full[2:3], what=tr("output for row 2 alone", "单独输入第 2 行（从 0 数起）时的输出"))
