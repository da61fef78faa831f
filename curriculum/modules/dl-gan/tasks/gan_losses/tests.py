import numpy as np
from dlpath_harness import assert_close, assert_true, rng, no_warnings


def test_optimum_values(m):
    """at D = ½ (all logits 0): d_loss = 2 ln 2, g_loss = ln 2"""
    d_loss, g_loss = m.gan_losses(np.zeros(4), np.zeros(6))
    assert_close(d_loss, 1.3862943611198906, what="d_loss")
    assert_close(g_loss, 0.6931471805599453, what="g_loss")


def test_reference_values(m):
    """3 real and 5 fake logits: each term is averaged over its own batch"""
    r = np.array([2.0, -1.0, 0.5])
    f = np.array([0.5, -3.0, 1.0, -0.2, 2.5])
    d_loss, g_loss = m.gan_losses(r, f)
    assert_close(d_loss, 1.7406798196363433, what="d_loss")
    assert_close(g_loss, 0.9425909253892426, what="g_loss")


def test_non_saturating_generator(m):
    """when D rejects the fakes (logit −30), g_loss is about 30, not about 0"""
    _, g_loss = m.gan_losses(np.array([0.0]), np.array([-30.0]))
    assert_close(g_loss, 30.000000000000092, what="g_loss (use −log D(G(z)), not log(1 − D(G(z))))")


def test_confident_logits_no_warnings(m):
    """logits of ±100 give exact values with no log(0) or overflow warnings"""
    with no_warnings("gan_losses"):
        d1, g1 = m.gan_losses(np.array([100.0]), np.array([-100.0]))
        d2, g2 = m.gan_losses(np.array([-100.0]), np.array([100.0]))
    assert_close(d1, 2 * 3.720075976020836e-44, rtol=1e-6, atol=1e-50, what="d_loss, D right on both")
    assert_close(g1, 100.0, what="g_loss, D rejects the fake")
    assert_close(d2, 200.0, what="d_loss, D wrong on both")
    assert_close(g2, 3.720075976020836e-44, rtol=1e-6, atol=1e-50, what="g_loss, D fooled")


def test_huge_logits_finite(m):
    """logits of ±1000 still give finite, correct losses"""
    d_loss, g_loss = m.gan_losses(np.array([-1000.0, 1000.0]), np.array([1000.0]))
    assert_true(np.isfinite(d_loss) and np.isfinite(g_loss), "losses must be finite, got %r, %r" % (d_loss, g_loss))
    assert_close(d_loss, 500.0 + 1000.0, what="d_loss")
    assert_close(g_loss, 0.0, atol=1e-300, what="g_loss")


def test_monotonic_in_fake_logits(m):
    """raising the fake logits lowers g_loss and raises d_loss"""
    r = rng(0).normal(size=8)
    f = rng(1).normal(size=8)
    d_a, g_a = m.gan_losses(r, f)
    d_b, g_b = m.gan_losses(r, f + 0.5)
    assert_true(g_b < g_a, "g_loss should fall when D scores the fakes as more real")
    assert_true(d_b > d_a, "d_loss should rise when D scores the fakes as more real")
