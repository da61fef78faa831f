import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _setup(seed=0, n=4, d_in=6, d_out=5, r=2):
    g = rng(seed)
    return (g.normal(size=(n, d_in)), g.normal(size=(d_out, d_in)), g.normal(size=(r, d_in)),
            g.normal(size=(d_out, r)), g.normal(size=(n, d_out)))


def _loss(x, W0, A, B, alpha, r, dh):
    h = x @ W0.T + (alpha / r) * x @ A.T @ B.T
    return float(np.sum(h * dh))          # dL/dh = dh by construction


def test_shapes(m):
    """dA has the shape of A and dB the shape of B
    zh: dA 的形状与 A 相同，dB 的形状与 B 相同"""
    x, W0, A, B, dh = _setup()
    dA, dB = m.lora_grads(x, W0, A, B, 4.0, 2, dh)
    assert_shape(dA, A.shape, what="dA")
    assert_shape(dB, B.shape, what="dB")


def test_integer_inputs(m):
    """Python int lists with alpha=1, r=2 (scale 0.5) give the exact float gradients
    zh: 输入是 Python 整数列表、alpha=1、r=2（缩放 0.5）时，得到精确的浮点梯度"""
    x, A, B = [[1, 2, 0], [0, 1, 1]], [[1, 0, 1], [0, 1, -1]], [[1, 0], [0, 1], [1, 1]]
    W0, dh = [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 1], [0, 1, 0]]
    dA, dB = m.lora_grads(x, W0, A, B, 1, 2, dh)
    assert_close(dA, [[1.0, 2.0, 0.0], [0.5, 1.5, 0.5]], what=tr("dA for integer inputs", "整数输入时的 dA"))
    assert_close(dB, [[0.5, 1.0], [0.5, 0.0], [0.5, 1.0]], what=tr("dB for integer inputs", "整数输入时的 dB"))


def test_grad_check_A(m):
    """dA passes the gradient check (central differences, eps=1e-5)
    zh: dA 通过梯度检验（中心差分，eps=1e-5）"""
    x, W0, A, B, dh = _setup(1)
    dA, _ = m.lora_grads(x, W0, A, B, 4.0, 2, dh)
    grad_check(lambda a: _loss(x, W0, a, B, 4.0, 2, dh), A, dA, what="dA")


def test_grad_check_B(m):
    """dB passes the gradient check (central differences, eps=1e-5)
    zh: dB 通过梯度检验（中心差分，eps=1e-5）"""
    x, W0, A, B, dh = _setup(2)
    _, dB = m.lora_grads(x, W0, A, B, 4.0, 2, dh)
    grad_check(lambda b: _loss(x, W0, A, b, 4.0, 2, dh), B, dB, what="dB")


def test_at_initialisation(m):
    """with B = 0 (LoRA's start) dA is exactly 0 but dB is not: B moves first
    zh: B = 0（LoRA 刚开始训练）时 dA 恰好为 0，而 dB 不为 0：B 先动起来"""
    x, W0, A, B, dh = _setup(3)
    dA, dB = m.lora_grads(x, W0, A, np.zeros_like(B), 16.0, 2, dh)
    assert_close(dA, np.zeros_like(A), what=tr("dA when B = 0", "B = 0 时的 dA"))
    assert_true(np.abs(np.asarray(dB)).max() > 1e-3, tr("dB should be non-zero when B = 0 and A is random",
                                                        "B = 0 且 A 是随机值时，dB 不应为 0"))


def test_scaled_by_alpha_over_r(m):
    """both gradients scale linearly with alpha / r
    zh: 两个梯度都与 alpha / r 成正比"""
    x, W0, A, B, dh = _setup(4)
    dA1, dB1 = m.lora_grads(x, W0, A, B, 2.0, 2, dh)
    dA2, dB2 = m.lora_grads(x, W0, A, B, 6.0, 2, dh)
    assert_close(dA2, 3 * np.asarray(dA1), what=tr("dA with alpha tripled", "alpha 变为 3 倍时的 dA"))
    assert_close(dB2, 3 * np.asarray(dB1), what=tr("dB with alpha tripled", "alpha 变为 3 倍时的 dB"))


def test_independent_of_W0(m):
    """the frozen W0 does not enter the adapter gradients
    zh: 冻结的 W0 不参与适配器梯度的计算"""
    x, W0, A, B, dh = _setup(5)
    a1, b1 = m.lora_grads(x, W0, A, B, 4.0, 2, dh)
    a2, b2 = m.lora_grads(x, 10 * rng(9).normal(size=W0.shape), A, B, 4.0, 2, dh)
    assert_close(a2, a1, what=tr("dA with a different W0", "换一个 W0 后的 dA"))
    assert_close(b2, b1, what=tr("dB with a different W0", "换一个 W0 后的 dB"))
