import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def _layer(seed=0, n=5, d_in=12, d_out=7, r=3):
    g = rng(seed)
    return (g.normal(size=(n, d_in)), g.normal(size=(d_out, d_in)),
            g.normal(size=(r, d_in)), g.normal(size=(d_out, r)))


def test_reference_value(m):
    """x=[1,2,3], W0 = first two rows of I, A=[[1,1,1]], B=[[1],[-1]], alpha=2, r=1 -> [13, -10]"""
    out = m.lora_forward(np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 0, 0], [0, 1.0, 0]]),
                         np.array([[1.0, 1.0, 1.0]]), np.array([[1.0], [-1.0]]), 2.0, 1)
    assert_close(out, [[13.0, -10.0]], what="lora_forward output")


def test_b_zero_gives_base(m):
    """with B = 0 (LoRA's initialisation) the output equals the frozen layer x W0^T"""
    x, W0, A, B = _layer(1)
    out = m.lora_forward(x, W0, A, np.zeros_like(B), 16.0, 3)
    assert_shape(out, (5, 7), what="output")
    assert_close(out, x @ W0.T, what="output with B = 0")


def test_merge_equivalence(m):
    """x @ lora_merge(...)^T equals lora_forward(...): merging adds no latency and changes nothing"""
    x, W0, A, B = _layer(2)
    W = m.lora_merge(W0, A, B, 8.0, 3)
    assert_shape(W, W0.shape, what="merged weight")
    assert_close(x @ np.asarray(W).T, m.lora_forward(x, W0, A, B, 8.0, 3), what="output of the merged layer")


def test_scale_alpha_over_r(m):
    """the adapter path is scaled by alpha / r: doubling alpha doubles the change"""
    x, W0, A, B = _layer(3)
    base = x @ W0.T
    d1 = np.asarray(m.lora_forward(x, W0, A, B, 4.0, 3)) - base
    d2 = np.asarray(m.lora_forward(x, W0, A, B, 8.0, 3)) - base
    assert_close(d2, 2 * d1, what="change in output when alpha doubles")
    assert_close(d1, (4.0 / 3) * x @ A.T @ B.T, what="adapter contribution for alpha=4, r=3")


def test_update_has_rank_at_most_r(m):
    """the merged update W - W0 has rank at most r"""
    x, W0, A, B = _layer(4, d_in=20, d_out=15, r=2)
    delta = np.asarray(m.lora_merge(W0, A, B, 1.0, 2)) - W0
    rank = np.linalg.matrix_rank(delta)
    assert_true(rank <= 2, "rank of W - W0 is %d, expected at most r = 2" % rank)


def test_param_count(m):
    """r(d_in + d_out): 4096x4096 with r=8 -> 65,536 trainable vs 16,777,216 frozen"""
    assert_true(int(m.lora_num_params(4096, 4096, 8)) == 65536,
                "lora_num_params(4096, 4096, 8) returned %r, expected 65536" % (m.lora_num_params(4096, 4096, 8),))
    assert_true(int(m.lora_num_params(12, 7, 3)) == 57, "lora_num_params(12, 7, 3) should be 3*(12+7) = 57")
    x, W0, A, B = _layer(5)
    assert_true(A.size + B.size == int(m.lora_num_params(12, 7, 3)), "the count must equal A.size + B.size")


def test_inputs_untouched(m):
    """W0, A and B are not modified (the base weight stays frozen)"""
    x, W0, A, B = _layer(6)
    saved = [W0.copy(), A.copy(), B.copy()]
    m.lora_forward(x, W0, A, B, 2.0, 3)
    m.lora_merge(W0, A, B, 2.0, 3)
    for name, before, after in zip(("W0", "A", "B"), saved, (W0, A, B)):
        assert_close(after, before, what="%s after the calls" % name)
