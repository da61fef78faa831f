import numpy as np
from dlpath_harness import assert_close, assert_true, rng, no_warnings, tr


def _reference(za, zb, tau):
    a = za / np.linalg.norm(za, axis=1, keepdims=True)
    b = zb / np.linalg.norm(zb, axis=1, keepdims=True)
    L = a @ b.T / tau
    L = L - L.max(axis=1, keepdims=True)
    return float(-np.mean(np.diag(L - np.log(np.exp(L).sum(axis=1, keepdims=True)))))


def test_orthonormal_pairs(m):
    """identical orthonormal pairs, N=4, τ=0.1: loss = log(1 + 3e^(−10)) ≈ 1.3619e-4
    zh: 两边是相同的标准正交向量，N=4，τ=0.1：损失 = log(1 + 3e^(−10)) ≈ 1.3619e-4"""
    eye = np.eye(4)
    assert_close(m.info_nce(eye, eye.copy(), 0.1), 0.00013619051493825364, rtol=1e-6, atol=1e-12, what=tr("loss", "损失"))


def test_no_information_gives_log_n(m):
    """all inputs identical: every candidate is equally likely, loss = ln N
    zh: 所有输入都一样：每个候选的可能性相同，损失 = ln N"""
    z = np.ones((5, 3))
    assert_close(m.info_nce(z, z.copy(), 0.5), np.log(5), what=tr("loss", "损失"))


def test_reference_value(m):
    """a small unnormalised example (τ=0.5) matches the reference
    zh: 一个没有归一化的小例子（τ=0.5）与参考值一致"""
    za = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    zb = np.array([[2.0, 0.5], [0.0, 1.0], [-1.0, 1.0]])
    assert_close(m.info_nce(za, zb, 0.5), 1.0354603171285681, what=tr("loss", "损失"))


def test_length_does_not_matter(m):
    """rescaling rows by positive factors changes nothing (cosine similarity)
    zh: 把各行乘以正数缩放，结果不变（用的是余弦相似度）"""
    r = rng(0)
    za, zb = r.normal(size=(6, 4)), r.normal(size=(6, 4))
    base = m.info_nce(za, zb, 0.2)
    scaled = m.info_nce(za * r.uniform(0.1, 10, size=(6, 1)), zb * r.uniform(0.1, 10, size=(6, 1)), 0.2)
    assert_close(scaled, base, what=tr("loss after rescaling rows", "各行缩放之后的损失"))


def test_pairing_matters(m):
    """reordering both sides together changes nothing; breaking the pairs raises the loss
    zh: 两边一起重新排序，结果不变；打乱配对，损失变大"""
    r = rng(1)
    za = r.normal(size=(8, 5))
    zb = za + 0.1 * r.normal(size=(8, 5))          # zb[i] is a noisy view of za[i]
    base = m.info_nce(za, zb, 0.1)
    perm = r.permutation(8)
    assert_close(m.info_nce(za[perm], zb[perm], 0.1), base, what=tr("loss after reordering the pairs", "配对整体重新排序之后的损失"))
    shuffled = m.info_nce(za, zb[np.roll(np.arange(8), 1)], 0.1)
    assert_true(shuffled > base + 1.0,
                tr("mismatched pairs should give a much larger loss (matched %.4f, mismatched %.4f)",
                   "配对打乱后损失应该大得多（配对正确时 %.4f，打乱后 %.4f）") % (base, shuffled))


def test_small_temperature_stable(m):
    """τ = 0.001 (logits near 1000) gives the right value without overflow warnings
    zh: τ = 0.001（logit 接近 1000）时结果正确，也没有溢出警告"""
    r = rng(2)
    za = np.array([1.0, 0.0, 0.0]) + 0.1 * r.normal(size=(6, 3))
    zb = za + 0.02 * r.normal(size=(6, 3))
    with no_warnings("info_nce"):
        loss = m.info_nce(za, zb, 0.001)
    assert_true(np.isfinite(loss), tr("loss is not finite: %r", "损失不是有限值：%r") % (loss,))
    assert_close(loss, _reference(za, zb, 0.001), what=tr("loss", "损失"))


def test_rows_of_different_magnitude(m):
    """τ = 0.001 with anchors that agree with every candidate (logits near +1000) and anchors that oppose them (near -1000)
    zh: τ = 0.001，一部分锚点与所有候选都相似（logit 接近 +1000），另一部分与它们都相反（接近 -1000）"""
    r = rng(3)
    zb = np.array([1.0, 0.0, 0.0]) + 0.1 * r.normal(size=(6, 3))
    za = zb + 0.02 * r.normal(size=(6, 3))
    za[3:] = -za[3:]                    # rows 3-5: every logit is near -1000
    with no_warnings("info_nce"):
        loss = m.info_nce(za, zb, 0.001)
    assert_true(np.isfinite(loss), tr("loss is not finite: %r (subtract each row's own max)",
                                      "损失不是有限值：%r（要减去每一行自己的最大值）") % (loss,))
    assert_close(loss, _reference(za, zb, 0.001), what=tr("loss", "损失"))
