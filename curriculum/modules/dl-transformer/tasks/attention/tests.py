import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr

Q0 = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
K0 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]])
V0 = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
CAUSAL3 = np.tril(np.ones((3, 3), dtype=bool))


def test_reference_values(m):
    """a 3-token example (d_k = 2) matches the reference, scores divided by √d_k
    zh: 3 个 token 的例子（d_k = 2）与参考答案一致，得分要除以 √d_k"""
    out, w = m.attention(Q0, K0, V0)
    assert_close(w, [[0.40111209268, 0.19777581464, 0.40111209268],
                     [0.186693700948, 0.767917936139, 0.045388362914],
                     [0.40111209268, 0.40111209268, 0.19777581464]], what=tr("weights", "注意力权重"))
    assert_close(out, [[3.0, 4.0], [2.717389323933, 3.717389323933],
                       [2.593327443921, 3.593327443921]], what="out")


def test_weights_are_distributions(m):
    """weights have shape (n_q, n_k), are non-negative and each row sums to 1
    zh: 权重的形状是 (n_q, n_k)，全部非负，且每行之和为 1"""
    r = rng(0)
    Q, K, V = r.normal(size=(4, 8)), r.normal(size=(6, 8)), r.normal(size=(6, 3))
    out, w = m.attention(Q, K, V)
    assert_shape(w, (4, 6), what=tr("weights", "注意力权重"))
    assert_shape(out, (4, 3), what="out")
    assert_true((np.asarray(w) >= 0).all(), tr("weights must be non-negative", "注意力权重必须非负"))
    assert_close(np.asarray(w).sum(axis=-1), np.ones(4), what=tr("row sums of weights", "注意力权重的每行之和"))


def test_causal_mask(m):
    """causal mask: zero weights above the diagonal, and out[0] = V[0]
    zh: 因果掩码：对角线以上的权重为 0，且 out[0] = V[0]"""
    out, w = m.attention(Q0, K0, V0, mask=CAUSAL3)
    w = np.asarray(w)
    assert_true(np.all(w[np.triu_indices(3, 1)] == 0.0),
                tr("weights above the diagonal must be exactly 0, got\n%s",
                   "对角线以上的权重必须恰好为 0，得到的是\n%s") % (w,))
    assert_close(out[0], V0[0], what="out[0]")
    assert_close(w, [[1.0, 0.0, 0.0], [0.195570317493, 0.804429682507, 0.0],
                     [0.40111209268, 0.40111209268, 0.19777581464]], what=tr("masked weights", "加掩码后的注意力权重"))


def test_causal_no_peeking(m):
    """with a causal mask, changing the last value vector leaves earlier outputs unchanged
    zh: 加了因果掩码后，改动最后一个 value 向量不会影响前面的输出"""
    r = rng(1)
    Q, K, V = r.normal(size=(5, 4)), r.normal(size=(5, 4)), r.normal(size=(5, 2))
    mask = np.tril(np.ones((5, 5), dtype=bool))
    out1, _ = m.attention(Q, K, V, mask=mask)
    V2 = V.copy()
    V2[-1] += 100.0
    out2, _ = m.attention(Q, K, V2, mask=mask)
    assert_close(out2[:-1], out1[:-1], what=tr("outputs 0..3 after changing V[4]", "改动 V[4] 之后的第 0..3 个输出"))


def test_equal_scores_give_mean(m):
    """when every score is equal (Q = 0), each output is the mean of V
    zh: 所有得分都相等时（Q = 0），每个输出都是 V 的平均值"""
    r = rng(2)
    V = r.normal(size=(4, 3))
    out, w = m.attention(np.zeros((2, 5)), r.normal(size=(4, 5)), V)
    assert_close(w, np.full((2, 4), 0.25), what=tr("weights", "注意力权重"))
    assert_close(out, np.tile(V.mean(axis=0), (2, 1)), what="out")


def test_batched(m):
    """leading batch axes: (2, 3, n, d) inputs give the same result as a loop
    zh: 前面带批次维度：输入为 (2, 3, n, d) 时，结果与逐个循环计算相同"""
    r = rng(3)
    Q, K, V = r.normal(size=(2, 3, 4, 5)), r.normal(size=(2, 3, 6, 5)), r.normal(size=(2, 3, 6, 2))
    out, w = m.attention(Q, K, V)
    assert_shape(out, (2, 3, 4, 2), what="out")
    assert_shape(w, (2, 3, 4, 6), what=tr("weights", "注意力权重"))
    for i in range(2):
        for j in range(3):
            o, _ = m.attention(Q[i, j], K[i, j], V[i, j])
            assert_close(np.asarray(out)[i, j], o, what="out[%d, %d]" % (i, j))


def test_large_scores_stable(m):
    """scores around 1400 (with a mask) give finite weights and no overflow warnings
    zh: 得分在 1400 左右（带掩码）时，权重仍是有限值，也没有溢出警告"""
    Q = np.array([[200.0, 1.0], [200.0, -1.0]])
    K = np.array([[10.0, 0.5], [10.0, -0.5], [10.0, 2.0]])
    V = np.array([[1.0], [2.0], [3.0]])
    mask = np.array([[True, True, False], [True, True, True]])
    with no_warnings("attention"):
        out, w = m.attention(Q, K, V, mask=mask)
    s = (Q @ K.T) / np.sqrt(2.0)
    s = np.where(mask, s, -np.inf)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    expected = e / e.sum(axis=1, keepdims=True)
    assert_close(w, expected, what=tr("weights", "注意力权重"))
    assert_close(out, expected @ V, what="out")


def _ref(Q, K, V, mask=None):
    s = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w


def test_batched_with_broadcast_mask(m):
    """(2, 3, 4, d) inputs with one 4x4 causal mask broadcast over batch and heads
    zh: 输入为 (2, 3, 4, d)，一个 4x4 的因果掩码广播到所有批次和头上"""
    r = rng(4)
    Q, K, V = r.normal(size=(2, 3, 4, 5)), r.normal(size=(2, 3, 4, 5)), r.normal(size=(2, 3, 4, 2))
    mask = np.tril(np.ones((4, 4), dtype=bool))
    out, w = m.attention(Q, K, V, mask=mask)
    eo, ew = _ref(Q, K, V, mask)
    assert_shape(w, (2, 3, 4, 4), what=tr("weights", "注意力权重"))
    assert_close(w, ew, what=tr("weights", "注意力权重"))
    assert_close(out, eo, what="out")


def test_rows_of_different_magnitude(m):
    """one query with scores near 1400 and one with scores near 0: each row is shifted by its own max
    zh: 一个查询的得分在 1400 附近，另一个在 0 附近：每一行都要减去它自己的最大值"""
    Q = np.array([[200.0, 1.0], [0.01, 0.02]])
    K = np.array([[10.0, 0.5], [10.0, -0.5], [10.0, 2.0]])
    V = np.array([[1.0], [2.0], [3.0]])
    with no_warnings("attention"):
        out, w = m.attention(Q, K, V)
    eo, ew = _ref(Q, K, V)
    assert_close(w, ew, what=tr("weights", "注意力权重"))
    assert_close(out, eo, what="out")
