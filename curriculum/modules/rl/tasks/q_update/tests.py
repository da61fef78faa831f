import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _table():
    Q = np.zeros((3, 2))
    Q[1] = [2.0, 5.0]
    return Q


def test_reference_value(m):
    """Q[1] = [2, 5], r = 1, α = 0.5, γ = 0.9: Q[0, 1] goes from 0 to 2.75
    zh: Q[1] = [2, 5]，r = 1，α = 0.5，γ = 0.9：Q[0, 1] 从 0 变为 2.75"""
    Q = _table()
    out = np.asarray(m.q_update(Q, 0, 1, 1.0, 1, False, 0.5, 0.9))
    assert_shape(out, (3, 2))
    assert_close(out[0, 1], 2.75, what="Q[0, 1]")
    expected = Q.copy()
    expected[0, 1] = 2.75
    assert_close(out, expected, what=tr("the whole table (only Q[0, 1] may change)", "整张 Q 表（只有 Q[0, 1] 可以变）"))


def test_integer_table(m):
    """an integer table (Python lists) gives a float64 table: Q[0, 1] becomes 2.75, not 2
    zh: 整数的 Q 表（Python 列表）也得到 float64 的表：Q[0, 1] 变为 2.75，而不是 2"""
    out = m.q_update([[0, 0], [2, 5], [0, 0]], 0, 1, 1, 1, False, 0.5, 0.9)
    assert_close(out, [[0.0, 2.75], [2.0, 5.0], [0.0, 0.0]], what=tr("the updated integer table", "更新后的整数 Q 表"))
    assert_true(np.asarray(out).dtype == np.float64, tr("the new table should be float64, got %s",
                                                        "新表应为 float64，得到的是 %s") % np.asarray(out).dtype)


def test_terminal_no_bootstrap(m):
    """a terminal transition (done=True) uses the target r alone: Q[0, 1] becomes 0.5
    zh: 终止转移（done=True）的目标只有 r：Q[0, 1] 变为 0.5"""
    out = np.asarray(m.q_update(_table(), 0, 1, 1.0, 1, True, 0.5, 0.9))
    assert_close(out[0, 1], 0.5, what=tr("Q[0, 1] after a terminal step", "终止步之后的 Q[0, 1]"))


def test_input_not_modified(m):
    """the table passed in is left unchanged
    zh: 传入的 Q 表保持不变"""
    Q = _table()
    keep = Q.copy()
    m.q_update(Q, 0, 1, 1.0, 1, False, 0.5, 0.9)
    assert_close(Q, keep, what=tr("the Q passed in", "传入的 Q"))


def test_alpha_one_and_fixed_point(m):
    """α = 1 jumps to the target; a value already equal to its target does not move
    zh: α = 1 时直接跳到目标值；已经等于目标值的项不再变化"""
    Q = rng(0).normal(size=(4, 3))
    target = 0.3 + 0.95 * Q[2].max()
    out = np.asarray(m.q_update(Q, 1, 2, 0.3, 2, False, 1.0, 0.95))
    assert_close(out[1, 2], target, what=tr("Q[1, 2] with α = 1", "α = 1 时的 Q[1, 2]"))
    Q2 = Q.copy()
    Q2[1, 2] = target
    out2 = np.asarray(m.q_update(Q2, 1, 2, 0.3, 2, False, 0.1, 0.95))
    assert_close(out2, Q2, what=tr("table at a fixed point", "处于不动点的 Q 表"))


def test_self_loop_uses_old_values(m):
    """when s2 == s the target is computed from the values before the update
    zh: s2 == s 时，目标值要用更新之前的值来计算"""
    Q = np.array([[1.0, 3.0]])
    out = np.asarray(m.q_update(Q, 0, 1, 0.0, 0, False, 0.5, 0.5))
    # target = 0 + 0.5 * max(1, 3) = 1.5; 3 + 0.5 * (1.5 - 3) = 2.25
    assert_close(out[0, 1], 2.25, what="Q[0, 1]")


def test_converges_on_a_chain(m):
    """repeated updates on a 2-state chain converge to Q* = [[0.81, 0.9], [0.9, 1.0]]
    zh: 在只有 2 个状态的链上反复更新，收敛到 Q* = [[0.81, 0.9], [0.9, 1.0]]"""
    # actions: 0 = stay (reward 0), 1 = advance; advancing from state 1 ends the episode with reward 1
    transitions = [(0, 0, 0.0, 0, False), (0, 1, 0.0, 1, False),
                   (1, 0, 0.0, 1, False), (1, 1, 1.0, 1, True)]
    Q = np.zeros((2, 2))
    for _ in range(300):
        for s, a, r, s2, done in transitions:
            Q = np.asarray(m.q_update(Q, s, a, r, s2, done, 0.5, 0.9))
    assert_close(Q, [[0.81, 0.9], [0.9, 1.0]], rtol=1e-6, atol=1e-8, what=tr("Q after 300 sweeps", "遍历 300 轮之后的 Q"))
