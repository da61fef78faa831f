import numpy as np
from dlpath_harness import assert_close, assert_shape, rng, tr


def test_reference_values(m):
    """arange(16) as 4x4 with 2x2 windows gives [[5, 7], [13, 15]]
    zh: 把 arange(16) 排成 4x4，用 2x2 窗口池化得到 [[5, 7], [13, 15]]"""
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    assert_close(m.maxpool2d(x, 2), [[[[5.0, 7.0], [13.0, 15.0]]]])


def test_negative_inputs(m):
    """all-negative inputs: the maximum is negative too (do not start from 0)
    zh: 输入全为负数时，最大值也是负数（不要从 0 开始取最大）"""
    x = -np.arange(1.0, 17.0).reshape(1, 1, 4, 4)
    assert_close(m.maxpool2d(x, 2), [[[[-1.0, -3.0], [-9.0, -11.0]]]])


def test_shape_with_remainder(m):
    """a 7x6 input with 2x2 windows gives 3x3 (the last row is dropped)
    zh: 7x6 输入用 2x2 窗口得到 3x3（最后一行被舍弃）"""
    out = m.maxpool2d(rng(0).normal(size=(2, 3, 7, 6)), 2)
    assert_shape(out, (2, 3, 3, 3))


def test_remainder_values(m):
    """a 7x7 input with 2x2 windows pools rows and columns 0-5 and drops the last ones (batch 2, 3 channels)
    zh: 7x7 输入用 2x2 窗口池化第 0-5 行和列，舍弃最后的一行一列（批大小 2、3 个通道）"""
    x = rng(3).normal(size=(2, 3, 7, 7))
    x[:, :, 6, :] = 50.0      # the leftover row and column must not reach the output
    x[:, :, :, 6] = 50.0
    exp = x[:, :, :6, :6].reshape(2, 3, 3, 2, 3, 2).max(axis=(3, 5))
    assert_close(m.maxpool2d(x, 2), exp)


def test_default_stride_is_size(m):
    """with stride left out, size 3 on a 6x6 input uses stride 3 and gives 2x2 windows
    zh: 不给 stride 时，6x6 输入用 size 3 池化，步长就是 3，得到 2x2 个窗口"""
    x = np.arange(36.0).reshape(1, 1, 6, 6)
    assert_close(m.maxpool2d(x, 3), [[[[14.0, 17.0], [32.0, 35.0]]]])


def test_overlapping_windows(m):
    """size 3, stride 2 on 5x5 arange gives [[12, 14], [22, 24]]
    zh: 在 5x5 的 arange 上用 size 3、stride 2 池化，得到 [[12, 14], [22, 24]]"""
    x = np.arange(25.0).reshape(1, 1, 5, 5)
    assert_close(m.maxpool2d(x, 3, stride=2), [[[[12.0, 14.0], [22.0, 24.0]]]])


def test_channels_are_independent(m):
    """each channel is pooled on its own
    zh: 每个通道各自独立池化"""
    g = rng(1)
    x = g.normal(size=(2, 4, 6, 6))
    full = m.maxpool2d(x, 2)
    for c in range(4):
        assert_close(np.asarray(full)[:, c:c + 1], m.maxpool2d(x[:, c:c + 1], 2), what=tr("channel %d", "通道 %d") % c)


def test_matches_loop(m):
    """random input, 2x2 windows: matches a plain loop
    zh: 随机输入、2x2 窗口：结果与朴素循环一致"""
    x = rng(2).normal(size=(1, 2, 6, 8))
    exp = np.zeros((1, 2, 3, 4))
    for c in range(2):
        for i in range(3):
            for j in range(4):
                exp[0, c, i, j] = x[0, c, 2 * i:2 * i + 2, 2 * j:2 * j + 2].max()
    assert_close(m.maxpool2d(x, 2), exp)
