import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _conv2d_valid(x, w):
    """x: (C_in, H, W), w: (C_out, C_in, kH, kW) -> (C_out, H-kH+1, W-kW+1), cross-correlation."""
    c_out, c_in, kh, kw = w.shape
    _, H, W = x.shape
    out = np.zeros((c_out, H - kh + 1, W - kw + 1))
    for i in range(H - kh + 1):
        for j in range(W - kw + 1):
            patch = x[:, i:i + kh, j:j + kw]
            out[:, i, j] = np.tensordot(w, patch, axes=([1, 2, 3], [0, 1, 2]))
    return out


def _conv3d_valid(x, w):
    """x: (C_in, T, H, W), w: (C_out, C_in, kT, kH, kW) -> (C_out, T', H', W'), cross-correlation."""
    c_out, c_in, kt, kh, kw = w.shape
    _, T, H, W = x.shape
    out = np.zeros((c_out, T - kt + 1, H - kh + 1, W - kw + 1))
    for t in range(T - kt + 1):
        for i in range(H - kh + 1):
            for j in range(W - kw + 1):
                patch = x[:, t:t + kt, i:i + kh, j:j + kw]
                out[:, t, i, j] = np.tensordot(w, patch, axes=([1, 2, 3, 4], [0, 1, 2, 3]))
    return out


def test_reference_values(m):
    """a 1×1×2×2 filter inflated with T=2 gives two slices of w/2
    zh: 把 1×1×2×2 的卷积核按 T=2 膨胀（inflate），得到两个都等于 w/2 的时间切片"""
    w = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    expected = np.array([[[[[0.5, 1.0], [1.5, 2.0]], [[0.5, 1.0], [1.5, 2.0]]]]])
    assert_close(m.inflate(w, 2), expected)


def test_shape(m):
    """(C_out, C_in, kH, kW) with T=5 becomes (C_out, C_in, 5, kH, kW)
    zh: 形状 (C_out, C_in, kH, kW) 在 T=5 时变成 (C_out, C_in, 5, kH, kW)"""
    w = rng(0).normal(size=(4, 3, 3, 3))
    assert_shape(m.inflate(w, 5), (4, 3, 5, 3, 3))


def test_sum_over_time(m):
    """every temporal slice is w/T, so summing over time gives back w
    zh: 每个时间切片都是 w/T，所以沿时间轴求和正好还原出 w"""
    w = rng(1).normal(size=(2, 3, 5, 5))
    w3 = np.asarray(m.inflate(w, 3))
    assert_shape(w3, (2, 3, 3, 5, 5))
    for t in range(3):
        assert_close(w3[:, :, t], w / 3.0, what=tr("temporal slice %d", "第 %d 个时间切片") % t)
    assert_close(w3.sum(axis=2), w, what=tr("sum over the time axis", "沿时间轴的和"))


def test_boring_video(m):
    """on a clip that repeats one frame, the 3D filter's output equals the 2D filter's output
    zh: 对一段只重复同一帧的视频，3D 卷积核的输出与 2D 卷积核的输出相同"""
    g = rng(2)
    w = g.normal(size=(2, 3, 3, 3))
    frame = g.normal(size=(3, 6, 6))
    clip = np.repeat(frame[:, np.newaxis], 7, axis=1)          # (C_in, T=7, H, W)
    out2d = _conv2d_valid(frame, w)                            # (2, 4, 4)
    out3d = _conv3d_valid(clip, np.asarray(m.inflate(w, 3)))   # (2, 5, 4, 4)
    assert_shape(out3d, (2, 5, 4, 4), what=tr("3D convolution output", "3D 卷积的输出"))
    for t in range(out3d.shape[1]):
        assert_close(out3d[:, t], out2d, what=tr("3D output at time step %d", "第 %d 个时间步的 3D 输出") % t)


def test_t_equals_one(m):
    """T=1 only adds a time axis of length 1 and keeps the values
    zh: T=1 时只是多出一个长度为 1 的时间轴，数值保持不变"""
    w = rng(3).normal(size=(3, 2, 1, 1))
    out = np.asarray(m.inflate(w, 1))
    assert_shape(out, (3, 2, 1, 1, 1))
    assert_close(out[:, :, 0], w)


def test_input_unchanged(m):
    """the 2D filters passed in are not modified
    zh: 传入的 2D 卷积核不能被修改"""
    w = rng(4).normal(size=(2, 2, 3, 3))
    keep = w.copy()
    out = np.asarray(m.inflate(w, 4))
    assert_shape(out, (2, 2, 4, 3, 3))
    assert_close(w, keep, what=tr("w2d after the call", "调用之后的 w2d"))


def test_bad_t(m):
    """T = 0, a negative T or a fractional T (2.5, 0.5) raises ValueError
    zh: T = 0、T 为负数或 T 不是整数（2.5、0.5）时抛出 ValueError"""
    w = rng(5).normal(size=(1, 1, 3, 3))
    for bad in (0, -2, 2.5, 0.5):
        try:
            m.inflate(w, bad)
        except ValueError:
            continue
        assert_true(False, tr("inflate(w, %r) should raise ValueError", "inflate(w, %r) 应当抛出 ValueError") % bad)


def test_integer_filters(m):
    """integer 2D filters give float64 results: [[1, 2], [3, 4]] with T=2 gives slices of [[0.5, 1], [1.5, 2]]
    zh: 整数的 2D 卷积核也得到 float64 结果：[[1, 2], [3, 4]] 按 T=2 膨胀，每个切片是 [[0.5, 1], [1.5, 2]]"""
    w = np.array([[[[1, 2], [3, 4]]]])
    out = m.inflate(w, 2)
    assert_close(out, np.array([[[[[0.5, 1.0], [1.5, 2.0]], [[0.5, 1.0], [1.5, 2.0]]]]]),
                 what=tr("inflated integer filter", "整数卷积核膨胀后的结果"))
    assert_true(np.asarray(out).dtype == np.float64, tr("the result should be float64, got %s",
                                                        "结果应为 float64，得到的是 %s") % np.asarray(out).dtype)
