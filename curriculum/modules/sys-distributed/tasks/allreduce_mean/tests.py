import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_reference_values(m):
    """three workers: [1,2], [3,4], [5,9] all become [3, 5]
    zh: 三个 worker：[1,2]、[3,4]、[5,9] 都变成 [3, 5]"""
    out = m.allreduce_mean([np.array([1.0, 2.0]), np.array([3.0, 4.0]), np.array([5.0, 9.0])])
    assert_true(isinstance(out, (list, tuple)), tr("return a list with one array per worker, got %s",
                                                       "应返回一个 list，每个 worker 一个数组，得到的是 %s") % type(out).__name__)
    assert_true(len(out) == 3, tr("expected 3 outputs (one per worker), got %d", "应有 3 个输出（每个 worker 一个），得到 %d 个") % len(out))
    for k, o in enumerate(out):
        assert_close(o, [3.0, 5.0], what=tr("output of worker %d", "worker %d 的输出") % k)


def test_shapes_and_agreement(m):
    """every worker gets the same mean, with the input's shape (K=4, 3x5 arrays)
    zh: 每个 worker 都得到同样的平均值，形状与输入相同（K=4，3x5 数组）"""
    g = rng(0).normal(size=(4, 3, 5))
    out = m.allreduce_mean([g[k] for k in range(4)])
    assert_true(len(out) == 4, tr("expected 4 outputs, got %d", "应有 4 个输出，得到 %d 个") % len(out))
    for k, o in enumerate(out):
        assert_shape(o, (3, 5), what=tr("output of worker %d", "worker %d 的输出") % k)
        assert_close(o, g.mean(axis=0), what=tr("output of worker %d", "worker %d 的输出") % k)


def test_single_worker(m):
    """with one worker the all-reduce is the identity
    zh: 只有一个 worker 时，all-reduce 原样返回输入"""
    g = rng(1).normal(size=(2, 3))
    out = m.allreduce_mean([g])
    assert_true(len(out) == 1, tr("expected 1 output, got %d", "应有 1 个输出，得到 %d 个") % len(out))
    assert_close(out[0], g)


def test_inputs_untouched_outputs_independent(m):
    """inputs are not modified, and the outputs are separate copies
    zh: 输入没有被修改，各个输出是彼此独立的副本"""
    g = [np.array([1.0, -1.0]), np.array([3.0, 5.0])]
    saved = [x.copy() for x in g]
    out = m.allreduce_mean(g)
    for k in range(2):
        assert_close(g[k], saved[k], what=tr("input %d after the call", "调用之后的第 %d 个输入") % k)
    out[0][0] = 123.0
    assert_true(out[1][0] != 123.0, tr("changing worker 0's output changed worker 1's: return a copy per worker",
                                      "改动 worker 0 的输出时 worker 1 的输出也跟着变了：要给每个 worker 各返回一份副本"))
    assert_true(not any(o is x for o in out for x in g), tr("an output is the very same object as an input: return new arrays",
                                                                 "有个输出和输入是同一个对象：请返回新的数组"))


def test_dp_sgd_equals_full_batch(m):
    """K-shard data-parallel SGD with equal shards equals full-batch SGD (20 steps, K=4)
    zh: 分片大小相同时，K 路数据并行 SGD 与全批量 SGD 结果一致（20 步，K=4）"""
    r = rng(2)
    X = r.normal(size=(32, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * r.normal(size=32)
    lr, K = 0.1, 4
    w_full = np.zeros(3)
    w_dp = np.zeros(3)
    Xs, ys = np.split(X, K), np.split(y, K)
    for _ in range(20):
        w_full = w_full - lr * X.T @ (X @ w_full - y) / len(y)
        local = [Xk.T @ (Xk @ w_dp - yk) / len(yk) for Xk, yk in zip(Xs, ys)]
        g = m.allreduce_mean(local)
        assert_true(all(np.array_equal(g[0], gk) for gk in g), tr("workers received different averaged gradients",
                                                                              "各个 worker 收到的平均梯度不一样"))
        w_dp = w_dp - lr * np.asarray(g[0])
    assert_close(w_dp, w_full, rtol=1e-10, atol=1e-12, what=tr("weights after data-parallel SGD", "数据并行 SGD 之后的权重"))


def test_no_overflow_near_the_float_maximum(m):
    """gradients of 1e308 (near the float64 maximum) average to 1e308 without overflow: divide by K before summing
    zh: 1e308 的梯度（接近 float64 的上限）求平均得到 1e308，不能溢出：先除以 K 再求和"""
    g = [np.array([1e308, -1e308, 1.0]), np.array([1e308, -1e308, 3.0])]
    with no_warnings("allreduce_mean"):
        out = m.allreduce_mean(g)
    for k in range(2):
        assert_close(out[k], [1e308, -1e308, 2.0],
                     what=tr("output of worker %d (the sum 2e308 overflows to inf: divide each gradient by K first)",
                             "worker %d 的输出（先求和得到 2e308 会溢出成 inf：要先把每个梯度除以 K）") % k)
