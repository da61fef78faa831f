import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr


def test_reference_values(m):
    """w = [0.5, -1.27, 0.01, 1.0] gives scale 0.01 and q = [50, -127, 1, 100]
    zh: w = [0.5, -1.27, 0.01, 1.0] 得到 scale 0.01 和 q = [50, -127, 1, 100]"""
    q, scale = m.quantize_int8(np.array([0.5, -1.27, 0.01, 1.0]))
    assert_close(scale, 0.01, what="scale")
    assert_close(q, [50, -127, 1, 100], what="q")


def test_lesson_example(m):
    """the lesson's example: q = [39, -66, 2, -127], scale 0.008
    zh: 课文里的例子：q = [39, -66, 2, -127]，scale 0.008"""
    q, scale = m.quantize_int8(np.array([0.31, -0.527, 0.0123, -1.016]))
    assert_close(scale, 0.008, what="scale")
    assert_close(q, [39, -66, 2, -127], what="q")


def test_dtype_range_and_shape(m):
    """q is int8, has the shape of w, stays in [-127, 127], and the largest |w| maps to ±127
    zh: q 是 int8、形状与 w 相同、取值在 [-127, 127] 内，且 |w| 最大的那个映射到 ±127"""
    w = rng(0).normal(size=(16, 8)) * 3.0
    q, scale = m.quantize_int8(w)
    assert_true(getattr(q, "dtype", None) == np.int8,
                tr("q should have dtype int8, got %s", "q 的 dtype 应为 int8，得到的是 %s") % (getattr(q, "dtype", type(q)),))
    assert_shape(q, w.shape, what="q")
    assert_true(np.ndim(scale) == 0, tr("scale should be one number for the whole tensor, got shape %s",
                                        "scale 应该是整个张量共用的一个数，得到的形状是 %s") % (np.shape(scale),))
    assert_true(int(np.abs(q.astype(np.int64)).max()) <= 127, "some |q| exceeds 127", "有的 |q| 超过了 127")
    i = np.unravel_index(np.argmax(np.abs(w)), w.shape)
    assert_true(abs(int(q[i])) == 127, tr("the weight with the largest magnitude should map to ±127, got %d",
                                        "绝对值最大的权重应映射到 ±127，得到的是 %d") % int(q[i]))


def test_error_at_most_half_a_step(m):
    """every dequantised weight is within scale/2 of the original
    zh: 每个反量化后的权重与原值相差不超过 scale/2"""
    w = rng(1).normal(size=1000)
    q, scale = m.quantize_int8(w)
    err = np.abs(q.astype(np.float64) * scale - w)
    assert_true(err.max() <= scale / 2 + 1e-12,
                tr("max error %.3g is larger than scale/2 = %.3g", "最大误差 %.3g 超过了 scale/2 = %.3g")
                % (err.max(), scale / 2))


def test_all_zeros(m):
    """an all-zero tensor gives zeros and scale 1.0, without a division warning
    zh: 全零张量得到全零和 scale 1.0，而且没有除法警告"""
    with no_warnings("quantize_int8"):
        q, scale = m.quantize_int8(np.zeros(5))
    assert_close(scale, 1.0, what="scale")
    assert_close(q, np.zeros(5), what="q")


def test_scale_equivariance(m):
    """multiplying w by 10 keeps q and multiplies the scale by 10
    zh: 把 w 乘以 10，q 不变，scale 也乘以 10"""
    w = rng(2).normal(size=20)
    q1, s1 = m.quantize_int8(w)
    q2, s2 = m.quantize_int8(10.0 * w)
    assert_close(q2, q1, what=tr("q of 10·w", "10·w 的 q"))
    assert_close(s2, 10.0 * s1, what=tr("scale of 10·w", "10·w 的 scale"))
