import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _data(seed=0, n=60):
    """Correlated data with clearly different variances along 4 directions, far from the origin."""
    r = rng(seed)
    Q, _ = np.linalg.qr(r.normal(size=(4, 4)))
    return (r.normal(size=(n, 4)) * np.array([5.0, 2.0, 1.0, 0.3])) @ Q.T + np.array([10.0, -3.0, 7.0, 1.0])


def test_shapes(m):
    """returns components (k, d), explained_var (k,) and Z (n, k)
    zh: 返回 components (k, d)、explained_var (k,) 和 Z (n, k)"""
    comps, ev, Z = m.pca_svd(_data(), 2)
    assert_shape(comps, (2, 4), what="components")
    assert_shape(ev, (2,), what="explained_var")
    assert_shape(Z, (60, 2), what="Z")


def test_line_example(m):
    """points on a line along [0.6, 0.8]: one component ±[0.6, 0.8] with variance 2.5
    zh: 沿 [0.6, 0.8] 方向排成一条直线的点：一个主成分 ±[0.6, 0.8]，方差为 2.5"""
    t = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    X = np.outer(t, [0.6, 0.8]) + np.array([10.0, 10.0])
    comps, ev, Z = m.pca_svd(X, 1)
    assert_close(ev, [2.5], what="explained_var")
    sign = np.sign(np.asarray(comps)[0, 0])
    assert_close(sign * np.asarray(comps), [[0.6, 0.8]], what=tr("component (up to sign)", "主成分（可差一个正负号）"))
    assert_close(sign * np.asarray(Z), t[:, None], what=tr("Z (up to sign)", "Z（可差一个正负号）"))


def test_explained_var_is_cov_eigenvalues(m):
    """explained_var equals the top eigenvalues of np.cov, largest first
    zh: explained_var 等于 np.cov 最大的几个特征值，从大到小排列"""
    X = _data(1)
    _, ev, _ = m.pca_svd(X, 3)
    top = np.linalg.eigvalsh(np.cov(X, rowvar=False))[::-1][:3]
    assert_close(ev, top, what="explained_var")


def test_components_orthonormal(m):
    """the components are orthonormal rows: C Cᵀ = I
    zh: 各主成分（C 的行）标准正交：C Cᵀ = I"""
    comps, _, _ = m.pca_svd(_data(2), 3)
    comps = np.asarray(comps)
    assert_close(comps @ comps.T, np.eye(3), rtol=0, atol=1e-10, what="C Cᵀ")


def test_components_are_cov_eigenvectors(m):
    """each component is an eigenvector of the covariance matrix (up to sign)
    zh: 每个主成分都是协方差矩阵的特征向量（可差一个正负号）"""
    X = _data(3)
    comps, _, _ = m.pca_svd(X, 2)
    w, V = np.linalg.eigh(np.cov(X, rowvar=False))
    top = V[:, ::-1][:, :2]                       # (d, 2), largest eigenvalues first
    assert_close(np.abs(np.asarray(comps) @ top), np.eye(2), rtol=0, atol=1e-8,
                 what=tr("|components · top eigenvectors|", "|主成分 · 最大的几个特征向量|"))


def test_scores_uncorrelated(m):
    """the columns of Z are uncorrelated, with variances explained_var
    zh: Z 的各列互不相关，方差就是 explained_var"""
    _, ev, Z = m.pca_svd(_data(4), 4)
    assert_close(np.cov(np.asarray(Z), rowvar=False), np.diag(ev), rtol=1e-6, atol=1e-9, what="cov(Z)")


def test_centred_not_scaled(m):
    """shifting the data changes nothing, and features are not standardised (like scikit-learn)
    zh: 平移数据不改变结果，而且不对特征做标准化（与 scikit-learn 一致）"""
    X = _data(5)
    _, ev, Z = m.pca_svd(X, 2)
    _, ev2, Z2 = m.pca_svd(X + 1000.0, 2)
    assert_close(ev2, ev, rtol=1e-6, what=tr("explained_var of shifted data", "平移后数据的 explained_var"))
    assert_close(np.abs(Z2), np.abs(Z), rtol=1e-6, atol=1e-8, what=tr("|Z| of shifted data", "平移后数据的 |Z|"))
    total = np.trace(np.cov(X, rowvar=False))
    assert_true(ev[0] > 0.5 * total and abs(ev[0] - 1.0) > 0.5,
                tr("the first component should carry most of the variance; did you standardise the features?",
                   "第一个主成分应当占大部分方差：你是不是对特征做了标准化？"))


def test_full_reconstruction(m):
    """with k = d, Z · components + mean reconstructs X exactly
    zh: k = d 时，Z · components + 均值 能精确还原 X"""
    X = _data(6, n=20)
    comps, _, Z = m.pca_svd(X, 4)
    assert_close(np.asarray(Z) @ np.asarray(comps) + X.mean(axis=0), X, rtol=1e-9, atol=1e-9,
                 what=tr("reconstruction", "还原结果"))


def test_input_unchanged(m):
    """leaves the caller's X unchanged (centre a copy)
    zh: 不修改调用者传入的 X（在副本上中心化）"""
    X = _data(7, n=20)
    before = X.copy()
    m.pca_svd(X, 2)
    assert_close(X, before, rtol=0, atol=0, what=tr("X after the call", "调用之后的 X"))
