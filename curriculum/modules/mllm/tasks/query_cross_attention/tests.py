import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def _setup(seed=0, n_q=4, N=10, d=6, d_img=8, d_k=5, d_v=3):
    r = rng(seed)
    return (r.normal(size=(n_q, d)), r.normal(size=(N, d_img)), r.normal(size=(d, d_k)),
            r.normal(size=(d_img, d_k)), r.normal(size=(d_img, d_v)))


def test_reference_values(m):
    """2 queries, 2 features, identity weights: matches the hand-computed result"""
    I = np.eye(2)
    out, A = m.query_cross_attention(np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([[2.0, 0.0], [0.0, 2.0]]), I, I, I)
    a = 1.0 / (1.0 + np.exp(-2.0 / np.sqrt(2.0)))         # softmax([2, 0] / sqrt 2)[0]
    assert_close(A, [[a, 1 - a], [0.5, 0.5]], what="attention weights")
    assert_close(out, [[2 * a, 2 * (1 - a)], [1.0, 1.0]], what="output")


def test_shapes_follow_queries(m):
    """the output has one row per query, whatever the number of image features"""
    q, f, Wq, Wk, Wv = _setup()
    for N in (1, 10, 576):
        feats = rng(N).normal(size=(N, 8))
        out, A = m.query_cross_attention(q, feats, Wq, Wk, Wv)
        assert_shape(out, (4, 3), what="output for N=%d features" % N)
        assert_shape(A, (4, N), what="attention weights for N=%d features" % N)


def test_rows_sum_to_one(m):
    """every row of the attention weights is a probability distribution"""
    out, A = m.query_cross_attention(*_setup(1))
    A = np.asarray(A)
    assert_true(np.all(A >= 0), "attention weights must be non-negative")
    assert_close(A.sum(axis=1), np.ones(A.shape[0]), what="row sums of the attention weights")


def test_patch_order_irrelevant(m):
    """shuffling the image features leaves the output unchanged (weights move with them)"""
    q, f, Wq, Wk, Wv = _setup(2)
    perm = rng(3).permutation(f.shape[0])
    out1, A1 = m.query_cross_attention(q, f, Wq, Wk, Wv)
    out2, A2 = m.query_cross_attention(q, f[perm], Wq, Wk, Wv)
    assert_close(out2, out1, what="output after shuffling the features")
    assert_close(np.asarray(A2), np.asarray(A1)[:, perm], what="attention weights after shuffling")


def test_equal_scores_give_mean(m):
    """with Wq = 0 all scores are equal, so every query returns the mean of V"""
    q, f, Wq, Wk, Wv = _setup(4)
    out, A = m.query_cross_attention(q, f, np.zeros_like(Wq), Wk, Wv)
    mean_v = (f @ Wv).mean(axis=0)
    assert_close(out, np.tile(mean_v, (q.shape[0], 1)), what="output with equal scores")


def test_scaled_by_sqrt_dk(m):
    """scores are divided by sqrt(d_k): doubling Wq and halving Wk changes nothing, but d_k matters"""
    q, f, Wq, Wk, Wv = _setup(5)
    out1, _ = m.query_cross_attention(q, f, Wq, Wk, Wv)
    out2, _ = m.query_cross_attention(q, f, 2 * Wq, Wk / 2, Wv)
    assert_close(out2, out1, what="output with Wq*2 and Wk/2")
    # padding K/Q with zero columns raises d_k from 5 to 20 and must soften the weights by sqrt(4) = 2
    Wq4 = np.concatenate([Wq, np.zeros((Wq.shape[0], 15))], axis=1)
    Wk4 = np.concatenate([Wk, np.zeros((Wk.shape[0], 15))], axis=1)
    _, A4 = m.query_cross_attention(q, f, 2 * Wq4, Wk4, Wv)
    _, A1 = m.query_cross_attention(q, f, Wq, Wk, Wv)
    assert_close(A4, A1, what="weights with d_k=20 and doubled queries (should equal d_k=5)")


def test_large_scores_stable(m):
    """scores around 1400 give no overflow warning and equal the result without the offset"""
    r = rng(6)
    x, y = r.normal(size=7), r.normal(size=3)
    I2 = np.eye(2)
    Wv = r.normal(size=(2, 3))
    big_f, big_q = np.column_stack([np.full(7, 2000.0), x]), np.column_stack([np.ones(3), y])
    with no_warnings("query_cross_attention"):
        out, A = m.query_cross_attention(big_q, big_f, I2, I2, Wv)
    # the offset adds the same 2000/sqrt(2) to every score of a row, which softmax ignores
    small_f = np.column_stack([np.zeros(7), x])
    _, A0 = m.query_cross_attention(big_q, small_f, I2, I2, Wv)
    assert_true(np.all(np.isfinite(np.asarray(A))), "attention weights contain NaN or inf")
    assert_close(A, A0, what="attention weights with a +2000 offset in every score")
