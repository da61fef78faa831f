import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def test_reference_values(m):
    """three workers: [1,2], [3,4], [5,9] all become [3, 5]"""
    out = m.allreduce_mean([np.array([1.0, 2.0]), np.array([3.0, 4.0]), np.array([5.0, 9.0])])
    assert_true(isinstance(out, (list, tuple)), "return a list with one array per worker, got %s" % type(out).__name__)
    assert_true(len(out) == 3, "expected 3 outputs (one per worker), got %d" % len(out))
    for k, o in enumerate(out):
        assert_close(o, [3.0, 5.0], what="output of worker %d" % k)


def test_shapes_and_agreement(m):
    """every worker gets the same mean, with the input's shape (K=4, 3x5 arrays)"""
    g = rng(0).normal(size=(4, 3, 5))
    out = m.allreduce_mean([g[k] for k in range(4)])
    assert_true(len(out) == 4, "expected 4 outputs, got %d" % len(out))
    for k, o in enumerate(out):
        assert_shape(o, (3, 5), what="output of worker %d" % k)
        assert_close(o, g.mean(axis=0), what="output of worker %d" % k)


def test_single_worker(m):
    """with one worker the all-reduce is the identity"""
    g = rng(1).normal(size=(2, 3))
    out = m.allreduce_mean([g])
    assert_true(len(out) == 1, "expected 1 output, got %d" % len(out))
    assert_close(out[0], g)


def test_inputs_untouched_outputs_independent(m):
    """inputs are not modified, and the outputs are separate copies"""
    g = [np.array([1.0, -1.0]), np.array([3.0, 5.0])]
    saved = [x.copy() for x in g]
    out = m.allreduce_mean(g)
    for k in range(2):
        assert_close(g[k], saved[k], what="input %d after the call" % k)
    out[0][0] = 123.0
    assert_true(out[1][0] != 123.0, "changing worker 0's output changed worker 1's: return a copy per worker")
    assert_true(not any(o is x for o in out for x in g), "an output is the very same object as an input: return new arrays")


def test_dp_sgd_equals_full_batch(m):
    """K-shard data-parallel SGD with equal shards equals full-batch SGD (20 steps, K=4)"""
    r = rng(2)
    X = r.normal(size=(32, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * r.normal(size=32)
    lr, K = 0.1, 4
    w_full = np.zeros(3)
    w_dp = np.zeros(3)
    Xs, ys = np.split(X, K), np.split(y, K)
    for _ in range(20):
        w_full = w_full - lr * X.T @ (X @ w_full - y) / len(y)
        local = [Xk.T @ (Xk @ w_dp - yk) / len(yk) for Xk, yk in zip(Xs, ys)]
        g = m.allreduce_mean(local)
        assert_true(all(np.array_equal(g[0], gk) for gk in g), "workers received different averaged gradients")
        w_dp = w_dp - lr * np.asarray(g[0])
    assert_close(w_dp, w_full, rtol=1e-10, atol=1e-12, what="weights after data-parallel SGD")


def test_no_warnings_large_values(m):
    """large gradients (1e300) average without overflow warnings"""
    g = [np.array([1e300, -1e300]), np.array([1e300, -1e300])]
    with no_warnings("allreduce_mean"):
        out = m.allreduce_mean(g)
    assert_close(out[0], [1e300, -1e300])
