import numpy as np
from dlpath_harness import assert_close, assert_true, rng, no_warnings, tr


def test_optimum_values(m):
    """at D = ½ (all logits 0): d_loss = 2 ln 2, g_loss = ln 2
    zh: D = ½（所有 logit 都是 0）时：d_loss = 2 ln 2，g_loss = ln 2"""
    d_loss, g_loss = m.gan_losses(np.zeros(4), np.zeros(6))
    assert_close(d_loss, 1.3862943611198906, what="d_loss")
    assert_close(g_loss, 0.6931471805599453, what="g_loss")


def test_reference_values(m):
    """3 real and 5 fake logits: each term is averaged over its own batch
    zh: 3 个真样本 logit、5 个假样本 logit：每一项各自在自己的批次上求平均"""
    r = np.array([2.0, -1.0, 0.5])
    f = np.array([0.5, -3.0, 1.0, -0.2, 2.5])
    d_loss, g_loss = m.gan_losses(r, f)
    assert_close(d_loss, 1.7406798196363433, what="d_loss")
    assert_close(g_loss, 0.9425909253892426, what="g_loss")


def test_non_saturating_generator(m):
    """when D rejects the fakes (logit −30), g_loss is about 30, not about 0
    zh: D 识破假样本时（logit −30），g_loss 约为 30，而不是约为 0"""
    _, g_loss = m.gan_losses(np.array([0.0]), np.array([-30.0]))
    assert_close(g_loss, 30.000000000000092, what=tr("g_loss (use −log D(G(z)), not log(1 − D(G(z))))",
                                            "g_loss（要用 −log D(G(z))，不要用 log(1 − D(G(z)))）"))


def test_confident_logits_no_warnings(m):
    """logits of ±100 give the right values (to 1e-12) with no log(0) or overflow warnings
    zh: logit 为 ±100 时结果正确（误差不超过 1e-12），不出现 log(0) 或溢出警告"""
    with no_warnings("gan_losses"):
        d1, g1 = m.gan_losses(np.array([100.0]), np.array([-100.0]))
        d2, g2 = m.gan_losses(np.array([-100.0]), np.array([100.0]))
    # e^-100 = 3.7e-44: log1p and logaddexp keep it, the lesson's max(x, 0) + np.log(1 + e^-|x|) rounds it to 0;
    # both are right to far better than 1e-12
    assert_close(d1, 2 * 3.720075976020836e-44, rtol=1e-6, atol=1e-12, what=tr("d_loss, D right on both", "d_loss（D 真假样本都判对了）"))
    assert_close(g1, 100.0, what=tr("g_loss, D rejects the fake", "g_loss（D 识破了假样本）"))
    assert_close(d2, 200.0, what=tr("d_loss, D wrong on both", "d_loss（D 真假样本都判错了）"))
    assert_close(g2, 3.720075976020836e-44, rtol=1e-6, atol=1e-12, what=tr("g_loss, D fooled", "g_loss（D 被骗过去了）"))


def test_huge_logits_finite(m):
    """logits of ±1000 still give finite, correct losses
    zh: logit 为 ±1000 时损失依然有限且正确"""
    d_loss, g_loss = m.gan_losses(np.array([-1000.0, 1000.0]), np.array([1000.0]))
    assert_true(np.isfinite(d_loss) and np.isfinite(g_loss), tr("losses must be finite, got %r, %r", "损失必须是有限值，得到的是 %r、%r") % (d_loss, g_loss))
    assert_close(d_loss, 500.0 + 1000.0, what="d_loss")
    assert_close(g_loss, 0.0, atol=1e-300, what="g_loss")


def test_monotonic_in_fake_logits(m):
    """raising the fake logits lowers g_loss and raises d_loss
    zh: 调高假样本的 logit，g_loss 下降、d_loss 上升"""
    r = rng(0).normal(size=8)
    f = rng(1).normal(size=8)
    d_a, g_a = m.gan_losses(r, f)
    d_b, g_b = m.gan_losses(r, f + 0.5)
    assert_true(g_b < g_a, tr("g_loss should fall when D scores the fakes as more real",
                              "D 觉得假样本更像真的时，g_loss 应该下降"))
    assert_true(d_b > d_a, tr("d_loss should rise when D scores the fakes as more real",
                              "D 觉得假样本更像真的时，d_loss 应该上升"))
