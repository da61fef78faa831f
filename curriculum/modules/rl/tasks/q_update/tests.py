import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng


def _table():
    Q = np.zeros((3, 2))
    Q[1] = [2.0, 5.0]
    return Q


def test_reference_value(m):
    """Q[1] = [2, 5], r = 1, α = 0.5, γ = 0.9: Q[0, 1] goes from 0 to 2.75"""
    Q = _table()
    out = np.asarray(m.q_update(Q, 0, 1, 1.0, 1, False, 0.5, 0.9))
    assert_shape(out, (3, 2))
    assert_close(out[0, 1], 2.75, what="Q[0, 1]")
    expected = Q.copy()
    expected[0, 1] = 2.75
    assert_close(out, expected, what="the whole table (only Q[0, 1] may change)")


def test_terminal_no_bootstrap(m):
    """a terminal transition (done=True) uses the target r alone: Q[0, 1] becomes 0.5"""
    out = np.asarray(m.q_update(_table(), 0, 1, 1.0, 1, True, 0.5, 0.9))
    assert_close(out[0, 1], 0.5, what="Q[0, 1] after a terminal step")


def test_input_not_modified(m):
    """the table passed in is left unchanged"""
    Q = _table()
    keep = Q.copy()
    m.q_update(Q, 0, 1, 1.0, 1, False, 0.5, 0.9)
    assert_close(Q, keep, what="the Q passed in")


def test_alpha_one_and_fixed_point(m):
    """α = 1 jumps to the target; a value already equal to its target does not move"""
    Q = rng(0).normal(size=(4, 3))
    target = 0.3 + 0.95 * Q[2].max()
    out = np.asarray(m.q_update(Q, 1, 2, 0.3, 2, False, 1.0, 0.95))
    assert_close(out[1, 2], target, what="Q[1, 2] with α = 1")
    Q2 = Q.copy()
    Q2[1, 2] = target
    out2 = np.asarray(m.q_update(Q2, 1, 2, 0.3, 2, False, 0.1, 0.95))
    assert_close(out2, Q2, what="table at a fixed point")


def test_self_loop_uses_old_values(m):
    """when s2 == s the target is computed from the values before the update"""
    Q = np.array([[1.0, 3.0]])
    out = np.asarray(m.q_update(Q, 0, 1, 0.0, 0, False, 0.5, 0.5))
    # target = 0 + 0.5 * max(1, 3) = 1.5; 3 + 0.5 * (1.5 - 3) = 2.25
    assert_close(out[0, 1], 2.25, what="Q[0, 1]")


def test_converges_on_a_chain(m):
    """repeated updates on a 2-state chain converge to Q* = [[0.81, 0.9], [0.9, 1.0]]"""
    # actions: 0 = stay (reward 0), 1 = advance; advancing from state 1 ends the episode with reward 1
    transitions = [(0, 0, 0.0, 0, False), (0, 1, 0.0, 1, False),
                   (1, 0, 0.0, 1, False), (1, 1, 1.0, 1, True)]
    Q = np.zeros((2, 2))
    for _ in range(300):
        for s, a, r, s2, done in transitions:
            Q = np.asarray(m.q_update(Q, s, a, r, s2, done, 0.5, 0.9))
    assert_close(Q, [[0.81, 0.9], [0.9, 1.0]], rtol=1e-6, atol=1e-8, what="Q after 300 sweeps")
