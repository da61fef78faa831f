import numpy as np
from dlpath_harness import assert_close, assert_true, rng, no_warnings


def _reference(za, zb, tau):
    a = za / np.linalg.norm(za, axis=1, keepdims=True)
    b = zb / np.linalg.norm(zb, axis=1, keepdims=True)
    L = a @ b.T / tau
    L = L - L.max(axis=1, keepdims=True)
    return float(-np.mean(np.diag(L - np.log(np.exp(L).sum(axis=1, keepdims=True)))))


def test_orthonormal_pairs(m):
    """identical orthonormal pairs, N=4, τ=0.1: loss = log(1 + 3e^(−10)) ≈ 1.3619e-4"""
    eye = np.eye(4)
    assert_close(m.info_nce(eye, eye.copy(), 0.1), 0.00013619051493825364, rtol=1e-6, atol=1e-12, what="loss")


def test_no_information_gives_log_n(m):
    """all inputs identical: every candidate is equally likely, loss = ln N"""
    z = np.ones((5, 3))
    assert_close(m.info_nce(z, z.copy(), 0.5), np.log(5), what="loss")


def test_reference_value(m):
    """a small unnormalised example (τ=0.5) matches the reference"""
    za = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    zb = np.array([[2.0, 0.5], [0.0, 1.0], [-1.0, 1.0]])
    assert_close(m.info_nce(za, zb, 0.5), 1.0354603171285681, what="loss")


def test_length_does_not_matter(m):
    """rescaling rows by positive factors changes nothing (cosine similarity)"""
    r = rng(0)
    za, zb = r.normal(size=(6, 4)), r.normal(size=(6, 4))
    base = m.info_nce(za, zb, 0.2)
    scaled = m.info_nce(za * r.uniform(0.1, 10, size=(6, 1)), zb * r.uniform(0.1, 10, size=(6, 1)), 0.2)
    assert_close(scaled, base, what="loss after rescaling rows")


def test_pairing_matters(m):
    """reordering both sides together changes nothing; breaking the pairs raises the loss"""
    r = rng(1)
    za = r.normal(size=(8, 5))
    zb = za + 0.1 * r.normal(size=(8, 5))          # zb[i] is a noisy view of za[i]
    base = m.info_nce(za, zb, 0.1)
    perm = r.permutation(8)
    assert_close(m.info_nce(za[perm], zb[perm], 0.1), base, what="loss after reordering the pairs")
    shuffled = m.info_nce(za, zb[np.roll(np.arange(8), 1)], 0.1)
    assert_true(shuffled > base + 1.0,
                "mismatched pairs should give a much larger loss (matched %.4f, mismatched %.4f)" % (base, shuffled))


def test_small_temperature_stable(m):
    """τ = 0.001 (logits near 1000) gives the right value without overflow warnings"""
    r = rng(2)
    za = np.array([1.0, 0.0, 0.0]) + 0.1 * r.normal(size=(6, 3))
    zb = za + 0.02 * r.normal(size=(6, 3))
    with no_warnings("info_nce"):
        loss = m.info_nce(za, zb, 0.001)
    assert_true(np.isfinite(loss), "loss is not finite: %r" % (loss,))
    assert_close(loss, _reference(za, zb, 0.001), what="loss")
