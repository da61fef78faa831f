import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings


def test_zero_weights_give_tanh_b(m):
    """with zero weights the new state is tanh(b) for every example"""
    b = np.array([0.5, -1.0, 2.0])
    out = m.rnn_step(np.ones((4, 2)), np.ones((4, 3)), np.zeros((2, 3)), np.zeros((3, 3)), b)
    assert_close(out, np.tile(np.tanh(b), (4, 1)))


def test_reference_values(m):
    """a 1-example, 2-input, 2-unit step matches hand-computed values"""
    x = np.array([[1.0, 2.0]])
    h = np.array([[0.5, -0.5]])
    Wx = np.array([[0.1, 0.2], [0.3, -0.4]])
    Wh = np.array([[1.0, 0.0], [0.0, 1.0]])
    b = np.array([0.0, 0.1])
    # pre-activation: [0.1 + 0.6 + 0.5, 0.2 - 0.8 - 0.5 + 0.1] = [1.2, -1.0]
    assert_close(m.rnn_step(x, h, Wx, Wh, b), [[np.tanh(1.2), np.tanh(-1.0)]])


def test_shape(m):
    """batch 5, input 3, hidden 4 gives shape (5, 4)"""
    g = rng(0)
    out = m.rnn_step(g.normal(size=(5, 3)), g.normal(size=(5, 4)), g.normal(size=(3, 4)),
                     g.normal(size=(4, 4)), g.normal(size=4))
    assert_shape(out, (5, 4))


def test_uses_previous_state(m):
    """the previous hidden state goes through Wh (not Wx)"""
    g = rng(1)
    x, h = g.normal(size=(3, 2)), g.normal(size=(3, 4))
    Wx, Wh, b = g.normal(size=(2, 4)), g.normal(size=(4, 4)), g.normal(size=4)
    assert_close(m.rnn_step(x, h, Wx, Wh, b), np.tanh(x @ Wx + h @ Wh + b))


def test_bounded_without_warnings(m):
    """huge pre-activations stay in [-1, 1] with no overflow warning"""
    g = rng(2)
    with no_warnings("rnn_step"):
        out = np.asarray(m.rnn_step(g.normal(size=(3, 2)) * 1e3, np.zeros((3, 2)),
                                    g.normal(size=(2, 2)) * 1e3, np.zeros((2, 2)), np.zeros(2)))
    assert_true(np.all(np.abs(out) <= 1.0), "tanh outputs must lie in [-1, 1]")


def test_unrolled_sequence(m):
    """running 6 steps over a sequence matches the reference recurrence"""
    g = rng(3)
    xs = g.normal(size=(6, 2, 3))
    Wx, Wh, b = g.normal(size=(3, 4)) * 0.5, g.normal(size=(4, 4)) * 0.5, g.normal(size=4) * 0.1
    h_ref = h = np.zeros((2, 4))
    for t in range(6):
        h = m.rnn_step(xs[t], h, Wx, Wh, b)
        h_ref = np.tanh(xs[t] @ Wx + h_ref @ Wh + b)
    assert_close(h, h_ref, what="state after 6 steps")
