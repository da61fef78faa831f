import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _full_step(w, X, y, lr):
    return w - lr * X.T @ (X @ w - y) / len(y)


def test_reference_values(m):
    """uneven shards: w=0, X=[[1,0],[0,1],[1,1]], y=[1,2,3], lr=0.1 -> [0.1333333, 0.1666667]
    zh: 分片大小不等：w=0，X=[[1,0],[0,1],[1,1]]，y=[1,2,3]，lr=0.1 -> [0.1333333, 0.1666667]"""
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    shards = [(X[:2], y[:2]), (X[2:], y[2:])]
    out = m.dp_sgd_step(np.zeros(2), shards, 0.1)
    assert_close(out, [0.13333333333, 0.16666666667],
                 what=tr("new weights (averaging the two shard means would give [0.175, 0.2])",
                         "新的权重（如果把两个分片各自的平均梯度再取平均，会得到 [0.175, 0.2]）"))


def test_integer_weights(m):
    """w given as integers [0, 0]: the new weights are still fractional, [0.1333333, 0.1666667]
    zh: w 以整数 [0, 0] 给出：新的权重仍然带小数，[0.1333333, 0.1666667]"""
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    shards = [(X[:2], y[:2]), (X[2:], y[2:])]
    out = m.dp_sgd_step(np.array([0, 0]), shards, 0.1)
    assert_close(out, [0.13333333333, 0.16666666667], what=tr("new weights from integer w", "w 为整数时的新权重"))


def test_equal_shards_match_full_batch(m):
    """K=4 equal shards: one step equals the full-batch gradient step
    zh: K=4 个等大的分片：走一步与全批量梯度下降的一步相同"""
    r = rng(0)
    X, y, w = r.normal(size=(40, 5)), r.normal(size=40), r.normal(size=5)
    shards = list(zip(np.split(X, 4), np.split(y, 4)))
    out = m.dp_sgd_step(w, shards, 0.05)
    assert_shape(out, (5,), what=tr("new weights", "新的权重"))
    assert_close(out, _full_step(w, X, y, 0.05), rtol=1e-10, atol=1e-12, what=tr("new weights", "新的权重"))


def test_uneven_shards_match_full_batch(m):
    """K=3 shards of 7, 2 and 1 rows still match full-batch gradient descent
    zh: K=3 个分片，分别有 7、2、1 行，结果仍与全批量梯度下降一致"""
    r = rng(1)
    X, y, w = r.normal(size=(10, 3)), r.normal(size=10), r.normal(size=3)
    shards = [(X[:7], y[:7]), (X[7:9], y[7:9]), (X[9:], y[9:])]
    assert_close(m.dp_sgd_step(w, shards, 0.2), _full_step(w, X, y, 0.2), rtol=1e-10, atol=1e-12,
                 what=tr("new weights", "新的权重"))


def test_shard_order_irrelevant(m):
    """the result does not depend on the order of the workers
    zh: 结果与 worker 的顺序无关"""
    r = rng(2)
    X, y, w = r.normal(size=(9, 4)), r.normal(size=9), r.normal(size=4)
    shards = [(X[:2], y[:2]), (X[2:6], y[2:6]), (X[6:], y[6:])]
    a = m.dp_sgd_step(w, shards, 0.1)
    b = m.dp_sgd_step(w, shards[::-1], 0.1)
    assert_close(a, b, rtol=1e-10, atol=1e-12, what=tr("result with the workers reversed", "worker 顺序反过来之后的结果"))


def test_many_steps_and_w_untouched(m):
    """30 steps with K=5 follow full-batch GD exactly, and w is not modified in place
    zh: K=5 时走 30 步，与全批量梯度下降完全一致，且 w 没有被原地修改"""
    r = rng(3)
    X = r.normal(size=(25, 2))
    y = X @ np.array([2.0, -1.0]) + 1e-3 * r.normal(size=25)
    shards = list(zip(np.array_split(X, 5), np.array_split(y, 5)))
    w0 = np.zeros(2)
    w_dp, w_full = w0, w0.copy()
    for _ in range(30):
        w_dp = m.dp_sgd_step(w_dp, shards, 0.1)
        w_full = _full_step(w_full, X, y, 0.1)
    assert_close(w0, np.zeros(2), what=tr("the w you were given (it must not change)", "传给你的 w（它不能被改动）"))
    assert_close(w_dp, w_full, rtol=1e-10, atol=1e-12, what=tr("weights after 30 steps", "30 步之后的权重"))


def test_one_row_per_worker(m):
    """K = n (one row per worker) also matches full-batch gradient descent
    zh: K = n（每个 worker 一行数据）时也与全批量梯度下降一致"""
    r = rng(4)
    X, y, w = r.normal(size=(6, 3)), r.normal(size=6), r.normal(size=3)
    shards = [(X[i:i + 1], y[i:i + 1]) for i in range(6)]
    assert_close(m.dp_sgd_step(w, shards, 0.3), _full_step(w, X, y, 0.3), rtol=1e-10, atol=1e-12,
                 what=tr("new weights", "新的权重"))
