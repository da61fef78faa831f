import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def _data(seed=0, n=60):
    """Correlated data with clearly different variances along 4 directions, far from the origin."""
    r = rng(seed)
    Q, _ = np.linalg.qr(r.normal(size=(4, 4)))
    return (r.normal(size=(n, 4)) * np.array([5.0, 2.0, 1.0, 0.3])) @ Q.T + np.array([10.0, -3.0, 7.0, 1.0])


def test_shapes(m):
    """returns components (k, d), explained_var (k,) and Z (n, k)"""
    comps, ev, Z = m.pca_svd(_data(), 2)
    assert_shape(comps, (2, 4), what="components")
    assert_shape(ev, (2,), what="explained_var")
    assert_shape(Z, (60, 2), what="Z")


def test_line_example(m):
    """points on a line along [0.6, 0.8]: one component ±[0.6, 0.8] with variance 2.5"""
    t = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    X = np.outer(t, [0.6, 0.8]) + np.array([10.0, 10.0])
    comps, ev, Z = m.pca_svd(X, 1)
    assert_close(ev, [2.5], what="explained_var")
    sign = np.sign(np.asarray(comps)[0, 0])
    assert_close(sign * np.asarray(comps), [[0.6, 0.8]], what="component (up to sign)")
    assert_close(sign * np.asarray(Z), t[:, None], what="Z (up to sign)")


def test_explained_var_is_cov_eigenvalues(m):
    """explained_var equals the top eigenvalues of np.cov, largest first"""
    X = _data(1)
    _, ev, _ = m.pca_svd(X, 3)
    top = np.linalg.eigvalsh(np.cov(X, rowvar=False))[::-1][:3]
    assert_close(ev, top, what="explained_var")


def test_components_orthonormal(m):
    """the components are orthonormal rows: C Cᵀ = I"""
    comps, _, _ = m.pca_svd(_data(2), 3)
    comps = np.asarray(comps)
    assert_close(comps @ comps.T, np.eye(3), rtol=0, atol=1e-10, what="C Cᵀ")


def test_components_are_cov_eigenvectors(m):
    """each component is an eigenvector of the covariance matrix (up to sign)"""
    X = _data(3)
    comps, _, _ = m.pca_svd(X, 2)
    w, V = np.linalg.eigh(np.cov(X, rowvar=False))
    top = V[:, ::-1][:, :2]                       # (d, 2), largest eigenvalues first
    assert_close(np.abs(np.asarray(comps) @ top), np.eye(2), rtol=0, atol=1e-8,
                 what="|components · top eigenvectors|")


def test_scores_uncorrelated(m):
    """the columns of Z are uncorrelated, with variances explained_var"""
    _, ev, Z = m.pca_svd(_data(4), 4)
    assert_close(np.cov(np.asarray(Z), rowvar=False), np.diag(ev), rtol=1e-6, atol=1e-9, what="cov(Z)")


def test_centred_not_scaled(m):
    """shifting the data changes nothing, and features are not standardised (like scikit-learn)"""
    X = _data(5)
    _, ev, Z = m.pca_svd(X, 2)
    _, ev2, Z2 = m.pca_svd(X + 1000.0, 2)
    assert_close(ev2, ev, rtol=1e-6, what="explained_var of shifted data")
    assert_close(np.abs(Z2), np.abs(Z), rtol=1e-6, atol=1e-8, what="|Z| of shifted data")
    total = np.trace(np.cov(X, rowvar=False))
    assert_true(ev[0] > 0.5 * total and abs(ev[0] - 1.0) > 0.5,
                "the first component should carry most of the variance; did you standardise the features?")


def test_full_reconstruction(m):
    """with k = d, Z · components + mean reconstructs X exactly"""
    X = _data(6, n=20)
    comps, _, Z = m.pca_svd(X, 4)
    assert_close(np.asarray(Z) @ np.asarray(comps) + X.mean(axis=0), X, rtol=1e-9, atol=1e-9,
                 what="reconstruction")
