import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _inertia(X, C, labels):
    return float(((X - C[labels]) ** 2).sum())


def _blobs(seed=0, n=60):
    g = rng(seed)
    centres = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]])
    X = np.concatenate([c + g.normal(size=(n // 3, 2)) for c in centres])
    return X, g


def test_reference_values(m):
    """two obvious clusters: labels [0, 0, 1, 1], centres [[0, 0.5], [10, 10.5]]
    zh: 两个明显的簇：labels 为 [0, 0, 1, 1]，中心为 [[0, 0.5], [10, 10.5]]"""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 10.0], [10.0, 11.0]])
    C = np.array([[0.0, 0.0], [10.0, 10.0]])
    labels, C_new = m.kmeans_step(X, C)
    assert_close(labels, [0, 0, 1, 1], what="labels")
    assert_close(C_new, [[0.0, 0.5], [10.0, 10.5]], what="C_new")


def test_integer_input(m):
    """integer X and C give float centres: the example gives [[0, 0.5], [10, 10.5]] again
    zh: 整数的 X 和 C 得到浮点数中心：同一个例子仍然得到 [[0, 0.5], [10, 10.5]]"""
    X = np.array([[0, 0], [0, 1], [10, 10], [10, 11]])
    C = np.array([[0, 0], [10, 10]])
    labels, C_new = m.kmeans_step(X, C)
    assert_close(labels, [0, 0, 1, 1], what="labels")
    assert_close(C_new, [[0.0, 0.5], [10.0, 10.5]], what=tr("C_new for integer X and C", "X 和 C 为整数时的 C_new"))


def test_shapes_and_types(m):
    """labels have shape (n,) and integer type; C_new has shape (k, d)
    zh: labels 的形状是 (n,)、类型是整数；C_new 的形状是 (k, d)"""
    X, g = _blobs(1)
    C = X[g.choice(len(X), size=4, replace=False)]
    labels, C_new = m.kmeans_step(X, C)
    assert_shape(labels, (len(X),), what="labels")
    assert_true(np.issubdtype(np.asarray(labels).dtype, np.integer),
                tr("labels should be integers (e.g. from np.argmin), got dtype %s",
                   "labels 应该是整数（例如 np.argmin 的结果），得到的 dtype 是 %s") % np.asarray(labels).dtype)
    assert_shape(C_new, C.shape, what="C_new")


def test_labels_are_nearest_centre(m):
    """every point is assigned to its nearest centre (checked with a plain loop)
    zh: 每个点都分给离它最近的中心（用普通循环核对）"""
    g = rng(2)
    X = g.normal(size=(50, 3))
    C = g.normal(size=(5, 3))
    labels, _ = m.kmeans_step(X, C)
    expected = [int(np.argmin([((x - c) ** 2).sum() for c in C])) for x in X]
    assert_close(labels, expected, what="labels")


def test_centres_are_means(m):
    """each new centre is the mean of the points assigned to it
    zh: 每个新中心都是分给它的那些点的均值"""
    X, g = _blobs(3)
    C = X[g.choice(len(X), size=3, replace=False)]
    labels, C_new = m.kmeans_step(X, C)
    labels = np.asarray(labels)
    expected = np.array([X[labels == j].mean(axis=0) if (labels == j).any() else C[j] for j in range(3)])
    assert_close(C_new, expected, what="C_new")


def test_inertia_never_increases(m):
    """over 15 iterations from a poor start, the inertia never goes up
    zh: 从一个很差的初值开始迭代 15 次，惯性（簇内平方和）从不上升"""
    X, g = _blobs(4, n=90)
    C = X[:3] + 0.01                       # three starting centres inside one blob
    labels, _ = m.kmeans_step(X, C)
    prev = _inertia(X, C, np.asarray(labels))
    for it in range(15):
        labels, C = m.kmeans_step(X, C)
        C = np.asarray(C, dtype=np.float64)
        new_labels, _ = m.kmeans_step(X, C)
        cur = _inertia(X, C, np.asarray(new_labels))
        assert_true(cur <= prev + 1e-9,
                    tr("inertia went up at iteration %d: %.6f -> %.6f",
                       "第 %d 次迭代时惯性上升了：%.6f -> %.6f") % (it + 1, prev, cur))
        prev = cur


def test_empty_cluster_keeps_its_centre(m):
    """a centre that gets no points stays where it was
    zh: 没有分到任何点的中心保持原位"""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 10.0], [10.0, 11.0]])
    C = np.array([[0.0, 0.0], [10.0, 10.0], [100.0, -100.0]])
    labels, C_new = m.kmeans_step(X, C)
    assert_close(labels, [0, 0, 1, 1], what="labels")
    assert_close(C_new, [[0.0, 0.5], [10.0, 10.5], [100.0, -100.0]], what="C_new")


def test_tie_goes_to_lowest_index(m):
    """a point exactly halfway between two centres goes to the lower index
    zh: 恰好位于两个中心正中间的点，分给编号较小的中心"""
    X = np.array([[5.0, 5.0], [-1.0, -1.0]])
    C = np.array([[0.0, 0.0], [10.0, 10.0]])
    labels, _ = m.kmeans_step(X, C)
    assert_close(labels, [0, 0], what="labels")


def test_inputs_not_modified(m):
    """X and C are left unchanged
    zh: X 和 C 不被修改"""
    X, g = _blobs(5)
    C = X[g.choice(len(X), size=3, replace=False)].copy()
    X0, C0 = X.copy(), C.copy()
    m.kmeans_step(X, C)
    assert_close(X, X0, what=tr("X after the call", "调用之后的 X"))
    assert_close(C, C0, what=tr("C after the call", "调用之后的 C"))
