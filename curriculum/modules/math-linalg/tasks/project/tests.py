import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _basis(seed, d, k):
    """A random (d, k) matrix with orthonormal columns."""
    Q, _ = np.linalg.qr(rng(seed).normal(size=(d, k)))
    return Q


def test_onto_plane(m):
    """[3, 4, 5] projected onto the xy-plane is [3, 4, 0]
    zh: 把 [3, 4, 5] 投影到 xy 平面上，得到 [3, 4, 0]"""
    U = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    assert_close(m.project(np.array([3.0, 4.0, 5.0]), U), [3.0, 4.0, 0.0])


def test_onto_line(m):
    """[2, 0] projected onto the line through [1, 1] is [1, 1]
    zh: 把 [2, 0] 投影到过 [1, 1] 的直线上，得到 [1, 1]"""
    U = np.array([[1.0], [1.0]]) / np.sqrt(2.0)
    assert_close(m.project(np.array([2.0, 0.0]), U), [1.0, 1.0])


def test_idempotent(m):
    """projecting twice changes nothing: P(Px) = Px
    zh: 投影两次和投影一次一样：P(Px) = Px"""
    U = _basis(0, 6, 3)
    x = rng(1).normal(size=6)
    px = m.project(x, U)
    assert_shape(px, (6,), what="P x")
    assert_close(m.project(px, U), px, what="P(P x)")


def test_residual_orthogonal(m):
    """the residual x − Px is orthogonal to every column of U
    zh: 残差 x − Px 与 U 的每一列都正交"""
    U = _basis(2, 7, 3)
    x = rng(3).normal(size=7)
    r = x - m.project(x, U)
    assert_close(U.T @ r, np.zeros(3), rtol=0, atol=1e-10, what="Uᵀ(x − Px)")


def test_pythagoras(m):
    """‖x‖² = ‖Px‖² + ‖x − Px‖²
    zh: 勾股定理成立：‖x‖² = ‖Px‖² + ‖x − Px‖²"""
    U = _basis(4, 5, 2)
    x = rng(5).normal(size=5)
    px = m.project(x, U)
    assert_close(px @ px + (x - px) @ (x - px), x @ x, what="‖Px‖² + ‖x − Px‖²")


def test_vector_in_subspace(m):
    """a vector already in the subspace is left unchanged
    zh: 本来就在子空间里的向量，投影后保持不变"""
    U = _basis(6, 5, 2)
    x = U @ np.array([1.5, -2.0])
    assert_close(m.project(x, U), x, what=tr("P x for x in span(U)", "x 属于 span(U) 时的 P x"))


def test_batch_of_rows(m):
    """a (n, d) batch projects each row separately
    zh: 输入一批 (n, d) 的数据时，逐行分别投影"""
    U = _basis(7, 4, 2)
    X = rng(8).normal(size=(5, 4))
    out = m.project(X, U)
    assert_shape(out, (5, 4), what=tr("projection of a (5, 4) batch", "一批 (5, 4) 数据的投影"))
    expected = np.array([U @ (U.T @ row) for row in X])
    assert_close(out, expected, what=tr("projected rows", "投影后的各行"))


def test_full_basis_is_identity(m):
    """with a full orthonormal basis (k = d) the projection is x itself
    zh: 用一组完整的标准正交基（k = d）投影，结果就是 x 本身"""
    U = _basis(9, 4, 4)
    x = rng(10).normal(size=4)
    assert_close(m.project(x, U), x, what=tr("P x with k = d", "k = d 时的 P x"))


def test_integer_input(m):
    """an integer x works: [2, 1] and the rows of [[2, 1], [0, 3]] onto the line through [1, 1] give 1.5s
    zh: 整数的 x 也能用：[2, 1] 以及 [[2, 1], [0, 3]] 的各行投影到过 [1, 1] 的直线上，得到 1.5"""
    U = np.array([[1.0], [1.0]]) / np.sqrt(2.0)
    assert_close(m.project(np.array([2, 1]), U), [1.5, 1.5],
                 what=tr("projection of the integer vector [2, 1]", "整数向量 [2, 1] 的投影"))
    assert_close(m.project(np.array([[2, 1], [0, 3]]), U), [[1.5, 1.5], [1.5, 1.5]],
                 what=tr("projection of an integer batch", "一批整数数据的投影"))
