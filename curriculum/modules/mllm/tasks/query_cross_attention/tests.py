import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _setup(seed=0, n_q=4, N=10, d=6, d_img=8, d_k=5, d_v=3):
    r = rng(seed)
    return (r.normal(size=(n_q, d)), r.normal(size=(N, d_img)), r.normal(size=(d, d_k)),
            r.normal(size=(d_img, d_k)), r.normal(size=(d_img, d_v)))


def test_reference_values(m):
    """2 queries, 2 features, identity weights: matches the hand-computed result
    zh: 2 个查询、2 个特征、权重都是单位矩阵：结果与手算的一致"""
    I = np.eye(2)
    out, A = m.query_cross_attention(np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([[2.0, 0.0], [0.0, 2.0]]), I, I, I)
    a = 1.0 / (1.0 + np.exp(-2.0 / np.sqrt(2.0)))         # softmax([2, 0] / sqrt 2)[0]
    assert_close(A, [[a, 1 - a], [0.5, 0.5]], what=tr("attention weights", "注意力权重"))
    assert_close(out, [[2 * a, 2 * (1 - a)], [1.0, 1.0]], what=tr("output", "输出"))


def test_shapes_follow_queries(m):
    """the output has one row per query, whatever the number of image features
    zh: 不管图像特征有多少个，输出都是每个查询一行"""
    q, f, Wq, Wk, Wv = _setup()
    for N in (1, 10, 576):
        feats = rng(N).normal(size=(N, 8))
        out, A = m.query_cross_attention(q, feats, Wq, Wk, Wv)
        assert_shape(out, (4, 3), what=tr("output for N=%d features", "N=%d 个特征时的输出") % N)
        assert_shape(A, (4, N), what=tr("attention weights for N=%d features", "N=%d 个特征时的注意力权重") % N)


def test_rows_sum_to_one(m):
    """every row of the attention weights is a probability distribution
    zh: 注意力权重的每一行都是一个概率分布"""
    out, A = m.query_cross_attention(*_setup(1))
    A = np.asarray(A)
    assert_true(np.all(A >= 0), tr("attention weights must be non-negative", "注意力权重不能是负数"))
    assert_close(A.sum(axis=1), np.ones(A.shape[0]), what=tr("row sums of the attention weights", "注意力权重的行和"))


def test_patch_order_irrelevant(m):
    """shuffling the image features leaves the output unchanged (weights move with them)
    zh: 打乱图像特征的顺序，输出不变（权重随特征一起换位置）"""
    q, f, Wq, Wk, Wv = _setup(2)
    perm = rng(3).permutation(f.shape[0])
    out1, A1 = m.query_cross_attention(q, f, Wq, Wk, Wv)
    out2, A2 = m.query_cross_attention(q, f[perm], Wq, Wk, Wv)
    assert_close(out2, out1, what=tr("output after shuffling the features", "打乱特征顺序后的输出"))
    assert_close(np.asarray(A2), np.asarray(A1)[:, perm], what=tr("attention weights after shuffling", "打乱顺序后的注意力权重"))


def test_equal_scores_give_mean(m):
    """with Wq = 0 all scores are equal, so every query returns the mean of V
    zh: Wq = 0 时所有得分相等，所以每个查询都返回 V 的均值"""
    q, f, Wq, Wk, Wv = _setup(4)
    out, A = m.query_cross_attention(q, f, np.zeros_like(Wq), Wk, Wv)
    mean_v = (f @ Wv).mean(axis=0)
    assert_close(out, np.tile(mean_v, (q.shape[0], 1)), what=tr("output with equal scores", "得分全部相等时的输出"))


def test_scaled_by_sqrt_dk(m):
    """scores are divided by sqrt(d_k): doubling Wq and halving Wk changes nothing, but d_k matters
    zh: 得分要除以 sqrt(d_k)：Wq 乘 2、Wk 除以 2 结果不变，但 d_k 的大小会有影响"""
    q, f, Wq, Wk, Wv = _setup(5)
    out1, _ = m.query_cross_attention(q, f, Wq, Wk, Wv)
    out2, _ = m.query_cross_attention(q, f, 2 * Wq, Wk / 2, Wv)
    assert_close(out2, out1, what=tr("output with Wq*2 and Wk/2", "Wq*2、Wk/2 时的输出"))
    # padding K/Q with zero columns raises d_k from 5 to 20 and must soften the weights by sqrt(4) = 2
    Wq4 = np.concatenate([Wq, np.zeros((Wq.shape[0], 15))], axis=1)
    Wk4 = np.concatenate([Wk, np.zeros((Wk.shape[0], 15))], axis=1)
    _, A4 = m.query_cross_attention(q, f, 2 * Wq4, Wk4, Wv)
    _, A1 = m.query_cross_attention(q, f, Wq, Wk, Wv)
    assert_close(A4, A1, what=tr("weights with d_k=20 and doubled queries (should equal d_k=5)",
                                      "d_k=20 且查询加倍时的权重（应与 d_k=5 时相同）"))


def test_large_scores_stable(m):
    """scores around 1400 give no overflow warning and equal the result without the offset
    zh: 得分在 1400 左右时不产生溢出警告，且结果与不加偏移时相同"""
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
    assert_true(np.all(np.isfinite(np.asarray(A))), tr("attention weights contain NaN or inf", "注意力权重里有 NaN 或 inf"))
    assert_close(A, A0, what=tr("attention weights with a +2000 offset in every score", "每个得分都带 +2000 偏移时的注意力权重"))


def test_rows_of_different_magnitude(m):
    """one query's scores near +1400 and another's near −1400, in one call: no warning, same weights as without the offsets
    zh: 同一次调用里，一个查询的得分在 +1400 左右、另一个在 −1400 左右：没有警告，权重与不加偏移时相同"""
    r = rng(7)
    x, y = r.normal(size=7), r.normal(size=4)
    I2 = np.eye(2)
    Wv = r.normal(size=(2, 3))
    signs = np.array([1.0, -1.0, 1.0, -1.0])
    q = np.column_stack([signs, y])                       # the first column meets the +2000 of every feature
    big_f, small_f = np.column_stack([np.full(7, 2000.0), x]), np.column_stack([np.zeros(7), x])
    with no_warnings("query_cross_attention"):
        out, A = m.query_cross_attention(q, big_f, I2, I2, Wv)
    _, A0 = m.query_cross_attention(q, small_f, I2, I2, Wv)
    assert_true(np.all(np.isfinite(np.asarray(A))), tr("attention weights contain NaN or inf: subtract each row's own maximum",
                                                       "注意力权重里有 NaN 或 inf：每一行要减去它自己的最大值"))
    assert_close(A, A0, what=tr("attention weights with an offset of +2000/√2 in some rows and −2000/√2 in others",
                                "部分行带 +2000/√2、部分行带 −2000/√2 偏移时的注意力权重"))
