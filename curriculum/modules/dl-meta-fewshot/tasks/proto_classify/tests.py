import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _clusters(seed=0):
    r = rng(seed)
    centres = {3: (0.0, 0.0), 7: (6.0, 6.0), 9: (-6.0, 6.0)}
    S, yS, Q, yQ = [], [], [], []
    for label, c in centres.items():
        S.append(np.array(c) + 0.5 * r.normal(size=(4, 2)))
        yS += [label] * 4
        Q.append(np.array(c) + 0.5 * r.normal(size=(5, 2)))
        yQ += [label] * 5
    return np.vstack(S), np.array(yS), np.vstack(Q), np.array(yQ)


def test_reference_values(m):
    """two prototypes (1, 0) and (10, 1): probabilities match the worked example
    zh: 两个原型 (1, 0) 和 (10, 1)：各概率与课文中的算例一致"""
    S = np.array([[0.0, 0.0], [2.0, 0.0], [10.0, 0.0], [10.0, 2.0]])
    yS = np.array([0, 0, 1, 1])
    Q = np.array([[1.0, 1.0], [6.0, 0.0]])
    pred, probs = m.proto_classify(S, yS, Q)
    assert_close(pred, [0, 1], what="pred")
    assert_close(probs, [[1.0, 1.8048513878e-35], [3.3535013047e-04, 9.9966464987e-01]],
                 rtol=1e-6, atol=1e-12, what="probs")


def test_toy_clusters(m):
    """three well-separated clusters labelled 3, 7, 9 are classified correctly
    zh: 三个分得很开、标签为 3、7、9 的簇都能分对"""
    S, yS, Q, yQ = _clusters()
    pred, probs = m.proto_classify(S, yS, Q)
    assert_shape(pred, (15,), what="pred")
    assert_shape(probs, (15, 3), what="probs")
    assert_true(np.array_equal(np.asarray(pred), yQ),
                tr("pred should be the original labels (3, 7, 9), not column indices; got %s",
                   "pred 应该是原来的标签 (3, 7, 9)，而不是列下标；得到的是 %s") % (list(pred),))


def test_probs_are_distributions(m):
    """each row of probs is non-negative and sums to 1
    zh: probs 的每一行都非负，且和为 1"""
    r = rng(1)
    S = r.normal(size=(10, 4))
    yS = np.array([0, 1, 2, 3, 4] * 2)
    Q = r.normal(size=(6, 4))
    _, probs = m.proto_classify(S, yS, Q)
    probs = np.asarray(probs)
    assert_true((probs >= 0).all(), "probabilities must be non-negative", "概率不能是负数")
    assert_close(probs.sum(axis=1), np.ones(6), what=tr("row sums of probs", "probs 各行之和"))


def test_support_order_does_not_matter(m):
    """shuffling the support set (with its labels) changes nothing
    zh: 打乱支持集（标签跟着一起打乱），结果不变"""
    S, yS, Q, _ = _clusters(2)
    pred1, probs1 = m.proto_classify(S, yS, Q)
    perm = rng(3).permutation(len(yS))
    pred2, probs2 = m.proto_classify(S[perm], yS[perm], Q)
    assert_close(pred2, pred1, what=tr("pred after shuffling", "打乱后的 pred"))
    assert_close(probs2, probs1, what=tr("probs after shuffling", "打乱后的 probs"))


def test_prototype_is_the_mean_not_nearest_point(m):
    """unequal shots: the class mean decides, not the nearest support point
    zh: 各类样本数不等时，由类均值决定归属，而不是最近的那个支持点"""
    S = np.array([[0.0, 0.0], [3.0, 0.0], [9.0, 0.0], [9.0, 0.0]])
    yS = np.array([1, 2, 2, 2])           # class 2's prototype is (7, 0)
    Q = np.array([[2.5, 0.0]])
    pred, probs = m.proto_classify(S, yS, Q)
    assert_true(int(np.asarray(pred)[0]) == 1,
                tr("the query is nearer to class 1's prototype (0,0) than to class 2's (7,0); got %s",
                   "查询点离类 1 的原型 (0,0) 比离类 2 的原型 (7,0) 更近；得到的是 %s") % (pred,))
    d = np.array([6.25, 20.25])
    e = np.exp(-(d - d.min()))
    assert_close(probs, [e / e.sum()], what="probs")


def test_far_queries_stay_finite(m):
    """queries far from every prototype still give valid probabilities (no 0/0)
    zh: 查询点离所有原型都很远时，概率依然有效（不会出现 0/0）"""
    S = np.array([[0.0, 0.0], [1.0, 0.0]])
    yS = np.array([0, 1])
    Q = np.array([[100.0, 0.0], [-100.0, 50.0]])
    pred, probs = m.proto_classify(S, yS, Q)
    probs = np.asarray(probs, dtype=np.float64)
    assert_true(np.isfinite(probs).all(), "probs contain NaN or inf: shift the scores before exp",
                "probs 里有 NaN 或 inf：先把分数平移一下再取 exp")
    assert_close(pred, [1, 0], what="pred")
    assert_close(probs.sum(axis=1), [1.0, 1.0], what=tr("row sums of probs", "probs 各行之和"))
