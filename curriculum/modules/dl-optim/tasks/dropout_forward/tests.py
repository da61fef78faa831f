import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings


def test_eval_is_identity(m):
    """with train=False the input comes back unchanged"""
    x = rng(0).normal(size=(4, 5))
    out = m.dropout_forward(x, 0.5, rng(1), train=False)
    assert_close(out, x)


def test_shape(m):
    """the output has the shape of the input"""
    x = rng(2).normal(size=(3, 4, 5))
    assert_shape(m.dropout_forward(x, 0.3, rng(3), train=True), (3, 4, 5))


def test_kept_units_are_scaled(m):
    """every output is either 0 or x / (1 - p)"""
    x = rng(4).uniform(1.0, 2.0, size=(50, 40))
    p = 0.25
    out = np.asarray(m.dropout_forward(x, p, rng(5), train=True))
    kept = out != 0
    assert_true(kept.any(), "no unit was kept at p = 0.25")
    assert_close(out[kept], x[kept] / (1 - p), what="kept values")


def test_drop_rate(m):
    """about a fraction p of 1e6 units is dropped (p = 0.3, within 0.005)"""
    out = np.asarray(m.dropout_forward(np.ones(1_000_000), 0.3, rng(6), train=True))
    frac = float((out == 0).mean())
    assert_true(abs(frac - 0.3) < 0.005, "dropped fraction is %.4f, expected about 0.3" % frac)


def test_expectation_preserved(m):
    """on 1e6 ones the mean output stays about 1 (within 0.005), for p = 0.5"""
    with no_warnings("dropout_forward"):
        out = np.asarray(m.dropout_forward(np.ones(1_000_000), 0.5, rng(7), train=True))
    mean = float(out.mean())
    assert_true(abs(mean - 1.0) < 0.005, "mean output is %.4f, expected about 1 (scale kept units by 1/(1-p))" % mean)


def test_p_zero_keeps_everything(m):
    """p = 0 in training changes nothing"""
    x = rng(8).normal(size=(6, 7))
    assert_close(m.dropout_forward(x, 0.0, rng(9), train=True), x)


def test_uses_the_given_rng(m):
    """two generators with the same seed give the same mask"""
    x = rng(10).normal(size=(20, 20))
    a = m.dropout_forward(x, 0.5, np.random.default_rng(123), train=True)
    b = m.dropout_forward(x, 0.5, np.random.default_rng(123), train=True)
    assert_close(a, b, what="second call with the same seed")
