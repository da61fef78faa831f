import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings

V = 1000
MASK = 3


def _tokens(n, seed=0):
    # ids 10..V-1, so no original token equals the mask id
    return rng(seed).integers(10, V, size=n)


def test_shapes_and_labels(m):
    """inputs and labels have the tokens' shape; labels are the original id or -100"""
    t = _tokens((8, 64))
    inputs, labels = m.mlm_mask(t, rng(1), MASK, V)
    assert_shape(inputs, t.shape, what="inputs")
    assert_shape(labels, t.shape, what="labels")
    sel = labels != -100
    assert_true(np.array_equal(labels[sel], t[sel]), "labels at selected positions must be the original token ids")
    assert_true(np.array_equal(inputs[~sel], t[~sel]), "positions that are not selected (label -100) must stay unchanged")


def test_tokens_not_modified(m):
    """the tokens you were given are not modified in place"""
    t = _tokens(5000)
    saved = t.copy()
    m.mlm_mask(t, rng(2), MASK, V)
    assert_true(np.array_equal(t, saved), "mlm_mask changed its input array: work on a copy")


def test_fifteen_percent_selected(m):
    """about 15% of 200,000 positions are selected (±1%)"""
    t = _tokens(200_000)
    _, labels = m.mlm_mask(t, rng(3), MASK, V)
    frac = float(np.mean(labels != -100))
    assert_true(abs(frac - 0.15) < 0.01, "selected fraction is %.4f, expected about 0.15" % frac)


def test_80_10_10_split(m):
    """of the selected positions about 80% become [MASK], 10% random, 10% unchanged (±2%)"""
    t = _tokens(200_000)
    inputs, labels = m.mlm_mask(t, rng(4), MASK, V)
    sel = labels != -100
    n = sel.sum()
    masked = float(np.sum(inputs[sel] == MASK)) / n
    same = float(np.sum(inputs[sel] == t[sel])) / n
    other = 1.0 - masked - same
    assert_true(abs(masked - 0.8) < 0.02, "fraction replaced by the mask id is %.4f, expected about 0.80" % masked)
    assert_true(abs(same - 0.1) < 0.02, "fraction left unchanged is %.4f, expected about 0.10" % same)
    assert_true(abs(other - 0.1) < 0.02, "fraction replaced by a random token is %.4f, expected about 0.10" % other)


def test_random_ids_in_vocab(m):
    """random replacements are valid ids in [0, vocab_size)"""
    t = _tokens(50_000)
    inputs, _ = m.mlm_mask(t, rng(5), MASK, V)
    assert_true(inputs.min() >= 0 and inputs.max() < V, "found an id outside [0, %d): min %d, max %d" % (V, inputs.min(), inputs.max()))
    assert_true(np.issubdtype(np.asarray(inputs).dtype, np.integer), "inputs must be an integer array, got %s" % np.asarray(inputs).dtype)


def test_p_zero_and_one(m):
    """p=0 selects nothing; p=1 selects every position"""
    t = _tokens(1000)
    inputs, labels = m.mlm_mask(t, rng(6), MASK, V, p=0.0)
    assert_true(np.all(labels == -100) and np.array_equal(inputs, t), "with p=0 nothing may be selected or changed")
    _, labels = m.mlm_mask(t, rng(7), MASK, V, p=1.0)
    assert_true(np.array_equal(labels, t), "with p=1 every position must be selected (labels equal the tokens)")


def test_deterministic_given_rng(m):
    """the same seed gives the same result (all randomness comes from rng)"""
    t = _tokens(2000)
    a = m.mlm_mask(t, rng(8), MASK, V)
    b = m.mlm_mask(t, rng(8), MASK, V)
    assert_true(np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]), "two calls with rng(8) gave different results: draw every random number from rng")
