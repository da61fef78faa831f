import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _naive(x, w, b, stride, pad):
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad:pad + H, pad:pad + W] = x
    Ho, Wo = (H + 2 * pad - kh) // stride + 1, (W + 2 * pad - kw) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    s = b[f]
                    for c in range(C):
                        for u in range(kh):
                            for v in range(kw):
                                s += w[f, c, u, v] * xp[n, c, i * stride + u, j * stride + v]
                    out[n, f, i, j] = s
    return out


def test_cross_correlation_reference(m):
    """arange(16) as 4x4 with kernel [[1, 0], [0, -1]] gives -5 everywhere (no kernel flip)
    zh: 把 arange(16) 排成 4x4，配卷积核 [[1, 0], [0, -1]]，输出处处是 -5（不翻转卷积核）"""
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    w = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])
    out = m.conv2d_forward(x, w, np.zeros(1), stride=1, pad=0)
    assert_close(out, np.full((1, 1, 3, 3), -5.0))


def test_flipped_kernel_gives_plus_five(m):
    """the flipped kernel [[-1, 0], [0, 1]] gives +5: the layer must not flip the kernel itself
    zh: 翻转后的卷积核 [[-1, 0], [0, 1]] 得到 +5：卷积层自己不能再翻转卷积核"""
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    w = np.array([[[[-1.0, 0.0], [0.0, 1.0]]]])
    out = m.conv2d_forward(x, w, np.zeros(1), stride=1, pad=0)
    assert_close(out, np.full((1, 1, 3, 3), 5.0))


def test_integer_input(m):
    """integer pixels with the kernel [[0.5, 0], [0, 0.25]] give fractional outputs (no rounding to int)
    zh: 整数像素配卷积核 [[0.5, 0], [0, 0.25]]，输出带小数（不能被取整成整数）"""
    x = np.arange(16).reshape(1, 1, 4, 4)
    w = np.array([[[[0.5, 0.0], [0.0, 0.25]]]])
    exp = 0.5 * x[:, :, :3, :3] + 0.25 * x[:, :, 1:, 1:]
    assert_close(m.conv2d_forward(x, w, np.zeros(1)), exp)


def test_same_padding_shape(m):
    """32x32 input, 5x5 kernel, pad 2, stride 1 keeps 32x32
    zh: 32x32 输入、5x5 卷积核、pad 2、stride 1，输出仍是 32x32"""
    g = rng(0)
    out = m.conv2d_forward(g.normal(size=(2, 3, 32, 32)), g.normal(size=(4, 3, 5, 5)), np.zeros(4), stride=1, pad=2)
    assert_shape(out, (2, 4, 32, 32))


def test_stride_two_shape(m):
    """7x7 input, 3x3 kernel, stride 2, pad 1 gives 4x4 = floor((7 + 2 - 3) / 2) + 1
    zh: 7x7 输入、3x3 卷积核、stride 2、pad 1，输出 4x4 = floor((7 + 2 - 3) / 2) + 1"""
    g = rng(1)
    out = m.conv2d_forward(g.normal(size=(1, 1, 7, 7)), g.normal(size=(2, 1, 3, 3)), np.zeros(2), stride=2, pad=1)
    assert_shape(out, (1, 2, 4, 4))


def test_zero_padding_values(m):
    """ones(3x3) with a 3x3 ones kernel and pad 1: corners 4, edges 6, centre 9, plus the bias
    zh: 3x3 全 1 输入配 3x3 全 1 卷积核、pad 1：四角为 4，四边为 6，中心为 9，再加上偏置"""
    out = m.conv2d_forward(np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3)), np.array([0.5]), stride=1, pad=1)
    assert_close(out, np.array([[[[4, 6, 4], [6, 9, 6], [4, 6, 4]]]]) + 0.5)


def test_matches_naive_loop(m):
    """batch of 2, 3 channels, 4 filters, stride 2, pad 1: matches a plain loop
    zh: 批大小 2、3 个通道、4 个滤波器、stride 2、pad 1：结果与朴素循环一致"""
    g = rng(2)
    x, w, b = g.normal(size=(2, 3, 6, 5)), g.normal(size=(4, 3, 3, 2)), g.normal(size=4)
    assert_close(m.conv2d_forward(x, w, b, stride=2, pad=1), _naive(x, w, b, 2, 1))


def test_weight_sharing_translation(m):
    """shifting the input shifts the output (same filter everywhere)
    zh: 输入平移，输出也跟着平移（处处用同一个滤波器）"""
    g = rng(3)
    x = np.zeros((1, 1, 8, 8))
    x[0, 0, 2:4, 2:5] = g.normal(size=(2, 3))
    w = g.normal(size=(1, 1, 3, 3))
    out = np.asarray(m.conv2d_forward(x, w, np.zeros(1)))
    out_shift = np.asarray(m.conv2d_forward(np.roll(x, (1, 2), axis=(2, 3)), w, np.zeros(1)))
    assert_true(out.shape == (1, 1, 6, 6),
                tr("expected shape (1, 1, 6, 6), got %s", "形状应为 (1, 1, 6, 6)，得到的是 %s") % (out.shape,))
    assert_close(out_shift[:, :, 1:, 2:], out[:, :, :-1, :-2], what=tr("shifted output", "平移后的输出"))
