import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _clusters(seed=0, per=20, d=16, c=3, noise=0.1):
    r = rng(seed)
    centres = r.normal(size=(c, d))
    X = np.concatenate([centres[j] + noise * r.normal(size=(per, d)) for j in range(c)])
    y = np.repeat(np.arange(c), per)
    return centres, X, y


def test_reference_1nn(m):
    """1-NN by cosine: [1,0.1] -> 0 and [0.1,1] -> 1 with training points [1,0] (label 0), [0,1] (label 1)
    zh: 用余弦相似度做 1-NN：训练点为 [1,0]（标签 0）和 [0,1]（标签 1）时，[1,0.1] -> 0，[0.1,1] -> 1"""
    out = m.knn_classify(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([0, 1]),
                         np.array([[1.0, 0.1], [0.1, 1.0]]), 1)
    assert_shape(out, (2,), what=tr("predicted labels", "预测的标签"))
    assert_true(list(np.asarray(out)) == [0, 1], tr("expected [0, 1], got %s", "应为 [0, 1]，得到的是 %s") % np.asarray(out).tolist())


def test_cosine_not_euclidean(m):
    """similarity is cosine: a long vector in the same direction counts as nearest
    zh: 相似度按余弦计算：方向相同的向量哪怕很长，也算最近邻"""
    train = np.array([[10.0, 0.0], [0.0, 0.9]])
    # Euclidean distance would pick [0, 0.9]; cosine picks [10, 0]
    out = m.knn_classify(train, np.array([0, 1]), np.array([[0.6, 0.5]]), 1)
    assert_true(int(np.asarray(out)[0]) == 0,
                tr("expected label 0 (same direction as [10, 0]); label 1 is what Euclidean distance would give",
                   "应为标签 0（与 [10, 0] 方向相同）；标签 1 是按欧氏距离才会得到的结果"))


def test_clusters_recovered(m):
    """test points drawn around 3 cluster centres get their cluster's label (k=5)
    zh: 在 3 个簇中心附近采样的测试点，都应得到所属簇的标签（k=5）"""
    centres, X, y = _clusters()
    r = rng(1)
    Q = np.repeat(centres, 4, axis=0) + 0.1 * r.normal(size=(12, centres.shape[1]))
    out = m.knn_classify(X, y, Q, 5)
    assert_true(np.array_equal(np.asarray(out), np.repeat(np.arange(3), 4)),
                tr("expected %s, got %s", "应为 %s，得到的是 %s") % (np.repeat(np.arange(3), 4).tolist(), np.asarray(out).tolist()))


def test_majority_and_tie(m):
    """k=3 takes the majority; a 1-1 tie with k=2 goes to the smaller label
    zh: k=3 时少数服从多数；k=2 出现 1 比 1 平票时取较小的标签"""
    train = np.array([[1.0, 0.0], [0.9, 0.1], [0.8, 0.2], [0.0, 1.0]])
    labels = np.array([2, 1, 1, 0])
    out = m.knn_classify(train, labels, np.array([[1.0, 0.0]]), 3)
    assert_true(int(np.asarray(out)[0]) == 1, tr("with k=3 the neighbours have labels 2, 1, 1: expected 1",
                                                      "k=3 时近邻的标签是 2、1、1：应为 1"))
    out = m.knn_classify(train, labels, np.array([[1.0, 0.0]]), 2)
    assert_true(int(np.asarray(out)[0]) == 1, tr("with k=2 the neighbours have labels 2 and 1 (a tie): expected the smaller, 1",
                                                      "k=2 时近邻的标签是 2 和 1（平票）：应取较小的 1"))


def test_scale_invariance(m):
    """scaling any feature vector by a positive number does not change the prediction
    zh: 把任意特征向量乘上一个正数，预测结果不变"""
    centres, X, y = _clusters(seed=2)
    Q = rng(3).normal(size=(10, X.shape[1]))
    a = m.knn_classify(X, y, Q, 3)
    s = rng(4).uniform(0.1, 10.0, size=(X.shape[0], 1))
    b = m.knn_classify(X * s, y, Q * 7.0, 3)
    assert_true(np.array_equal(np.asarray(a), np.asarray(b)), tr("predictions changed after rescaling the vectors",
                                                                "对向量做缩放之后，预测结果变了"))


def test_zero_vector_no_warning(m):
    """a zero test vector raises no warning and still gets a valid label
    zh: 全零的测试向量不产生警告，并且仍然得到一个有效的标签"""
    centres, X, y = _clusters(seed=5)
    Q = np.zeros((1, X.shape[1]))
    with no_warnings("knn_classify"):
        out = m.knn_classify(X, y, Q, 3)
    assert_true(int(np.asarray(out)[0]) in (0, 1, 2), tr("expected a label in {0, 1, 2}, got %r",
                                                         "应为 {0, 1, 2} 中的一个标签，得到的是 %r") % (out,))


def test_zero_training_vector_no_warning(m):
    """a zero training vector raises no warning (its similarity is 0) and the other predictions are unchanged
    zh: 训练集里有全零向量时不产生警告（它的相似度按 0 算），其余的预测结果不变"""
    centres, X, y = _clusters(seed=6)
    r = rng(7)
    Q = np.repeat(centres, 2, axis=0) + 0.1 * r.normal(size=(6, centres.shape[1]))
    X0 = np.concatenate([X, np.zeros((1, X.shape[1]))])
    y0 = np.concatenate([y, [0]])
    with no_warnings("knn_classify"):
        out = m.knn_classify(X0, y0, Q, 5)
    assert_true(np.array_equal(np.asarray(out), np.repeat(np.arange(3), 2)),
                tr("with a zero training vector added, expected %s, got %s", "加入一个全零训练向量后，应为 %s，得到的是 %s")
                % (np.repeat(np.arange(3), 2).tolist(), np.asarray(out).tolist()))
