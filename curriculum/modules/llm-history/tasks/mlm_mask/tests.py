import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr

V = 1000
MASK = 3


def _tokens(n, seed=0):
    # ids 10..V-1, so no original token equals the mask id
    return rng(seed).integers(10, V, size=n)


def test_shapes_and_labels(m):
    """inputs and labels have the tokens' shape; labels are the original id or -100
    zh: inputs 和 labels 的形状与 tokens 相同；labels 要么是原来的 id，要么是 -100"""
    t = _tokens((8, 64))
    inputs, labels = m.mlm_mask(t, rng(1), MASK, V)
    assert_shape(inputs, t.shape, what="inputs")
    assert_shape(labels, t.shape, what="labels")
    sel = labels != -100
    assert_true(np.array_equal(labels[sel], t[sel]), tr("labels at selected positions must be the original token ids",
                                                      "被选中位置上的 labels 必须是原来的 token id"))
    assert_true(np.array_equal(inputs[~sel], t[~sel]), tr("positions that are not selected (label -100) must stay unchanged",
                                                        "没被选中的位置（label 为 -100）必须保持原样"))


def test_tokens_not_modified(m):
    """the tokens you were given are not modified in place
    zh: 传给你的 tokens 没有被原地修改"""
    t = _tokens(5000)
    saved = t.copy()
    m.mlm_mask(t, rng(2), MASK, V)
    assert_true(np.array_equal(t, saved), tr("mlm_mask changed its input array: work on a copy",
                                                 "mlm_mask 改动了传入的数组：请在副本上操作"))


def test_fifteen_percent_selected(m):
    """about 15% of 200,000 positions are selected (±1%)
    zh: 200,000 个位置中约有 15% 被选中（±1%）"""
    t = _tokens(200_000)
    _, labels = m.mlm_mask(t, rng(3), MASK, V)
    frac = float(np.mean(labels != -100))
    assert_true(abs(frac - 0.15) < 0.01, tr("selected fraction is %.4f, expected about 0.15", "被选中的比例是 %.4f，应约为 0.15") % frac)


def test_80_10_10_split(m):
    """of the selected positions about 80% become [MASK], 10% random, 10% unchanged (±2%)
    zh: 被选中的位置里约 80% 换成 [MASK]，10% 换成随机 token，10% 保持不变（±2%）"""
    t = _tokens(200_000)
    inputs, labels = m.mlm_mask(t, rng(4), MASK, V)
    sel = labels != -100
    n = sel.sum()
    masked = float(np.sum(inputs[sel] == MASK)) / n
    same = float(np.sum(inputs[sel] == t[sel])) / n
    other = 1.0 - masked - same
    assert_true(abs(masked - 0.8) < 0.02, tr("fraction replaced by the mask id is %.4f, expected about 0.80",
                                               "换成掩码 id 的比例是 %.4f，应约为 0.80") % masked)
    assert_true(abs(same - 0.1) < 0.02, tr("fraction left unchanged is %.4f, expected about 0.10",
                                             "保持不变的比例是 %.4f，应约为 0.10") % same)
    assert_true(abs(other - 0.1) < 0.02, tr("fraction replaced by a random token is %.4f, expected about 0.10",
                                              "换成随机 token 的比例是 %.4f，应约为 0.10") % other)


def test_random_ids_in_vocab(m):
    """random replacements are valid ids in [0, vocab_size)
    zh: 随机替换的 id 都有效，落在 [0, vocab_size) 之内"""
    t = _tokens(50_000)
    inputs, _ = m.mlm_mask(t, rng(5), MASK, V)
    assert_true(inputs.min() >= 0 and inputs.max() < V, tr("found an id outside [0, %d): min %d, max %d",
                   "出现了 [0, %d) 之外的 id：最小值 %d，最大值 %d") % (V, inputs.min(), inputs.max()))
    assert_true(np.issubdtype(np.asarray(inputs).dtype, np.integer), tr("inputs must be an integer array, got %s",
                   "inputs 必须是整数数组，得到的是 %s") % np.asarray(inputs).dtype)


def test_random_ids_uniform(m):
    """the random replacements are drawn uniformly from [0, vocab_size): hundreds of different ids, mean about vocab_size / 2
    zh: 随机替换的 id 从 [0, vocab_size) 中均匀抽取：有几百个不同的值，均值约为 vocab_size / 2"""
    t = _tokens(200_000)
    inputs, labels = m.mlm_mask(t, rng(9), MASK, V)
    inputs = np.asarray(inputs)
    sel = labels != -100
    rand = inputs[sel & (inputs != MASK) & (inputs != t)]   # about 3,000 positions
    n_distinct = len(np.unique(rand))
    assert_true(n_distinct > 500, tr("the %d random replacements take only %d different ids: draw each one separately, uniformly from [0, %d)",
                                     "%d 个随机替换只用了 %d 种不同的 id：每个位置都要单独从 [0, %d) 中均匀抽取")
                % (len(rand), n_distinct, V))
    mean = float(np.mean(rand))
    assert_true(abs(mean - (V - 1) / 2) < 30, tr("the random replacements have mean %.1f, expected about %.1f (ids uniform on [0, %d))",
                                                "随机替换的 id 均值是 %.1f，应约为 %.1f（id 在 [0, %d) 上均匀分布）")
                % (mean, (V - 1) / 2, V))


def test_p_zero_and_one(m):
    """p=0 selects nothing; p=1 selects every position
    zh: p=0 时一个也不选；p=1 时选中所有位置"""
    t = _tokens(1000)
    inputs, labels = m.mlm_mask(t, rng(6), MASK, V, p=0.0)
    assert_true(np.all(labels == -100) and np.array_equal(inputs, t), tr("with p=0 nothing may be selected or changed",
                                                                          "p=0 时不能选中或改动任何位置"))
    _, labels = m.mlm_mask(t, rng(7), MASK, V, p=1.0)
    assert_true(np.array_equal(labels, t), tr("with p=1 every position must be selected (labels equal the tokens)",
                                               "p=1 时每个位置都必须被选中（labels 与 tokens 相同）"))


def test_deterministic_given_rng(m):
    """the same seed gives the same result (all randomness comes from rng)
    zh: 同一个种子得到同样的结果（所有随机性都来自 rng）"""
    t = _tokens(2000)
    a = m.mlm_mask(t, rng(8), MASK, V)
    b = m.mlm_mask(t, rng(8), MASK, V)
    assert_true(np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]), tr("two calls with rng(8) gave different results: draw every random number from rng",
                   "两次都用 rng(8) 调用，结果却不一样：所有随机数都要从 rng 里取"))


def test_uses_the_given_rng(m):
    """two different generators give different masks (the function draws from the rng it is given)
    zh: 换一个随机数生成器，得到的掩码就不同（函数使用传给它的 rng）"""
    t = _tokens(2000)
    a = m.mlm_mask(t, rng(10), MASK, V)
    b = m.mlm_mask(t, rng(11), MASK, V)
    assert_true(not np.array_equal(a[1], b[1]), tr("rng(10) and rng(11) gave the same selection: draw the random numbers from the rng you are given, not from a generator of your own",
                   "rng(10) 和 rng(11) 选中了完全相同的位置：随机数要从传进来的 rng 里取，不要自己另建生成器"))
