import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _loop(x, w):
    out = np.full(len(x), np.nan)
    for i in range(w - 1, len(x)):
        out[i] = np.mean(x[i - w + 1:i + 1])
    return out


def test_reference_values(m):
    """[1, 2, 3, 4, 5] with window 3 gives [nan, nan, 2, 3, 4]
    zh: [1, 2, 3, 4, 5] 取窗口 3，得到 [nan, nan, 2, 3, 4]"""
    assert_close(m.rolling_mean(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 3), [np.nan, np.nan, 2.0, 3.0, 4.0])


def test_leading_nans(m):
    """window 50 on 100 losses: the first 49 values are NaN and the rest are finite
    zh: 100 个损失值、窗口 50：前 49 个值是 NaN，其余都是有限值"""
    out = np.asarray(m.rolling_mean(rng(0).random(100), 50), dtype=np.float64)
    assert_shape(out, (100,))
    assert_true(np.all(np.isnan(out[:49])), tr("the first 49 values must be NaN", "前 49 个值必须是 NaN"))
    assert_true(np.all(np.isfinite(out[49:])), tr("values from position 49 on must be finite", "从下标 49 开始的值必须都是有限值"))


def test_matches_loop(m):
    """matches a plain loop on 1,000 noisy values
    zh: 在 1000 个带噪声的值上，与普通循环的结果一致"""
    x = rng(1).normal(size=1000).cumsum()
    assert_close(m.rolling_mean(x, 20), _loop(x, 20), rtol=1e-6, atol=1e-8)


def test_window_one_is_identity(m):
    """window 1 returns the data unchanged (as floats)
    zh: 窗口为 1 时原样返回数据（转成浮点数）"""
    x = np.array([3, 1, 4, 1, 5])
    assert_close(m.rolling_mean(x, 1), x.astype(float))


def test_integer_input(m):
    """integer input gives float means: [1, 2, 4, 7] with window 2 gives [nan, 1.5, 3, 5.5]
    zh: 整数输入得到浮点数均值：[1, 2, 4, 7] 取窗口 2，得到 [nan, 1.5, 3, 5.5]"""
    assert_close(m.rolling_mean(np.array([1, 2, 4, 7]), 2), [np.nan, 1.5, 3.0, 5.5],
                 what=tr("rolling mean of the integers [1, 2, 4, 7]", "整数 [1, 2, 4, 7] 的滑动平均"))


def test_window_edge_cases(m):
    """window = n gives only the overall mean at the end; window > n gives all NaN
    zh: 窗口 = n 时只有最后一个位置是整体均值；窗口 > n 时全是 NaN"""
    x = np.array([2.0, 4.0, 9.0])
    assert_close(m.rolling_mean(x, 3), [np.nan, np.nan, 5.0], what=tr("window = n", "窗口 = n"))
    assert_close(m.rolling_mean(x, 4), [np.nan, np.nan, np.nan], what=tr("window > n", "窗口 > n"))


def test_input_untouched(m):
    """the input array is not modified
    zh: 不修改输入数组"""
    x = rng(2).normal(size=30)
    x0 = x.copy()
    m.rolling_mean(x, 5)
    assert_close(x, x0, what=tr("x after the call", "调用之后的 x"))
