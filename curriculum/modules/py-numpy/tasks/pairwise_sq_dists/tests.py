import ast
import inspect
import os
import sys
import textwrap

import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr, learner_steps


def _loop_version(A, B):
    D = np.zeros((len(A), len(B)))
    for i in range(len(A)):
        for j in range(len(B)):
            D[i, j] = np.sum((A[i] - B[j]) ** 2)
    return D


def _python_steps(m, A, B):
    """How many Python lines and calls run in the learner's file during one call (loops, map and
    comprehensions anywhere in that file add steps for every point; NumPy's own work adds none)."""
    return learner_steps(m.pairwise_sq_dists, A, B)


def test_small_example(m):
    """the lesson's example: [[0,0],[1,1]] against [[1,0],[0,0],[3,4]]
    zh: 课上的例子：[[0,0],[1,1]] 与 [[1,0],[0,0],[3,4]] 两两之间的距离"""
    A = np.array([[0.0, 0.0], [1.0, 1.0]])
    B = np.array([[1.0, 0.0], [0.0, 0.0], [3.0, 4.0]])
    D = m.pairwise_sq_dists(A, B)
    assert_shape(D, (2, 3), what="D")
    assert_close(D, [[1.0, 0.0, 25.0], [1.0, 2.0, 13.0]], what="D")


def test_matches_loop(m):
    """equals a double-loop reference on random data (n=7, m=5, d=4)
    zh: 在随机数据（n=7, m=5, d=4）上与双重循环的参考实现结果相同"""
    r = rng(0)
    A, B = r.normal(size=(7, 4)), r.normal(size=(5, 4))
    assert_close(m.pairwise_sq_dists(A, B), _loop_version(A, B), rtol=1e-9, atol=1e-9, what="D")


def test_larger_and_one_feature(m):
    """works for d = 1 and for a larger (300, 200, 10) case
    zh: d = 1 时能用，更大的 (300, 200, 10) 情形也能用"""
    r = rng(1)
    a, b = r.normal(size=(4, 1)), r.normal(size=(6, 1))
    assert_close(m.pairwise_sq_dists(a, b), (a - b.T) ** 2, rtol=1e-9, atol=1e-9, what=tr("D for d = 1", "d = 1 时的 D"))
    A, B = r.normal(size=(300, 10)), r.normal(size=(200, 10))
    D = m.pairwise_sq_dists(A, B)
    assert_shape(D, (300, 200), what="D")
    i, j = 123, 45
    assert_close(D[i, j], np.sum((A[i] - B[j]) ** 2), rtol=1e-9, atol=1e-9, what="D[123, 45]")


def test_zero_diagonal(m):
    """with A == B the diagonal is zero and D is symmetric
    zh: A == B 时对角线全为 0，且 D 是对称的"""
    A = 3.0 * rng(2).normal(size=(8, 3))
    D = np.asarray(m.pairwise_sq_dists(A, A))
    assert_close(np.diag(D), np.zeros(8), rtol=0, atol=1e-9, what=tr("diagonal of D(A, A)", "D(A, A) 的对角线"))
    assert_close(D, D.T, rtol=1e-9, atol=1e-9, what=tr("D(A, A) transposed", "D(A, A) 的转置"))


def test_never_negative(m):
    """never negative, even for nearly identical points with large coordinates
    zh: 即使坐标很大、点几乎重合，结果也不会是负数"""
    # Two features as well as five: some BLAS builds round the five-feature case to exactly 0, never below.
    A2 = 1e4 + rng(3).normal(scale=1e-3, size=(30, 2))
    A5 = 1e4 + rng(3).normal(scale=1e-3, size=(30, 5))
    D = np.concatenate([np.ravel(m.pairwise_sq_dists(A2, A2)), np.ravel(m.pairwise_sq_dists(A5, A5))])
    assert_true(np.all(D >= 0.0),
                tr("D has negative entries (min %.3g): clip rounding errors with np.maximum(D, 0)",
                   "D 里出现了负数（最小值 %.3g）：用 np.maximum(D, 0) 把舍入误差截掉") % D.min())


def test_no_python_loops(m):
    """uses no Python loops (for, while, comprehensions, map), not even in a helper function
    zh: 不用 Python 循环（for、while、推导式、map），在辅助函数里也不行"""
    A = np.array([[0.0, 1.0]])
    assert_close(m.pairwise_sq_dists(A, A), [[0.0]], rtol=0, atol=1e-12, what=tr("D for a single point", "只有一个点时的 D"))
    src = textwrap.dedent(inspect.getsource(m.pairwise_sq_dists))
    loops = (ast.For, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    found = [type(n).__name__ for n in ast.walk(ast.parse(src)) if isinstance(n, loops)]
    assert_true(not found, tr("pairwise_sq_dists contains a Python loop (%s): use broadcasting instead",
                              "pairwise_sq_dists 里有 Python 循环（%s）：请改用广播")
                % (found[0] if found else ""))
    r = rng(4)
    B = r.normal(size=(3, 2))
    few = _python_steps(m, r.normal(size=(2, 2)), B)
    many = _python_steps(m, r.normal(size=(200, 2)), B)
    assert_true(many <= few + 20,
                tr("your file runs %d Python steps for 2 points but %d for 200: a loop (or map, or a comprehension) "
                   "goes over the points somewhere; use broadcasting instead",
                   "你的文件处理 2 个点时执行了 %d 步 Python 代码，处理 200 个点时却执行了 %d 步：某处有遍历各点的循环"
                   "（或 map、推导式）；请改用广播") % (few, many))
