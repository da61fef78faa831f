import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng


def _problem(seed=0, n=6, d=4, h=5, K=3):
    r = rng(seed)
    params = {"W1": r.normal(size=(d, h)) * 0.5, "b1": r.normal(size=h) * 0.1,
              "W2": r.normal(size=(h, K)) * 0.5, "b2": r.normal(size=K) * 0.1}
    X = r.normal(size=(n, d))
    y = r.integers(0, K, size=n)
    return params, X, y


def _numpy_reference(params, X, y):
    """Hand-derived forward and backward pass in NumPy."""
    n = X.shape[0]
    A1 = np.tanh(X @ params["W1"] + params["b1"])
    Z2 = A1 @ params["W2"] + params["b2"]
    Z = Z2 - Z2.max(axis=1, keepdims=True)
    logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    P = np.exp(logp)
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1.0
    dZ2 = (P - Y) / n
    dA1 = dZ2 @ params["W2"].T
    dZ1 = dA1 * (1.0 - A1 ** 2)
    grads = {"W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0), "W1": X.T @ dZ1, "b1": dZ1.sum(axis=0)}
    return loss, grads


def test_loss_matches_numpy(m):
    """the loss, computed with torch, equals the hand-written NumPy forward pass"""
    params, X, y = _problem(0)
    loss, _ = m.mlp2_torch(params, X, y)
    assert_true(getattr(m, "torch", None) is not None,
                "import torch at the top of your file: the point is to let autograd do the work")
    assert_true(isinstance(loss, float), "loss should be a Python float (use loss.item()), got %s" % type(loss).__name__)
    assert_close(loss, _numpy_reference(params, X, y)[0], what="loss")


def test_grads_match_numpy(m):
    """every autograd gradient equals the hand-derived NumPy gradient"""
    params, X, y = _problem(1)
    _, grads = m.mlp2_torch(params, X, y)
    _, ref = _numpy_reference(params, X, y)
    assert_true(isinstance(grads, dict) and set(grads) == set(params),
                "grads should be a dict with keys %s" % sorted(params))
    for k in ("W1", "b1", "W2", "b2"):
        g = grads[k]
        assert_true(isinstance(g, np.ndarray), "grads[%r] should be a NumPy array (use .detach().numpy())" % k)
        assert_shape(g, params[k].shape, what="grads[%r]" % k)
        assert_close(g, ref[k], what="grads[%r]" % k)


def test_zero_output_layer(m):
    """with W2 = 0 and b2 = 0 every class is equally likely: loss = ln K"""
    params, X, y = _problem(2, K=4)
    params["W2"] = np.zeros_like(params["W2"])
    params["b2"] = np.zeros_like(params["b2"])
    loss, grads = m.mlp2_torch(params, X, y)
    assert_close(loss, np.log(4), what="loss")
    assert_close(grads["W1"], np.zeros_like(params["W1"]), atol=1e-12, what="grads['W1'] (no signal flows back through W2 = 0)")


def test_no_accumulation_between_calls(m):
    """calling twice gives the same gradients (nothing accumulates in .grad)"""
    params, X, y = _problem(3)
    _, g1 = m.mlp2_torch(params, X, y)
    _, g2 = m.mlp2_torch(params, X, y)
    for k in params:
        assert_close(g2[k], g1[k], what="grads[%r] on the second call" % k)


def test_inputs_unchanged(m):
    """params, X and y are not modified"""
    params, X, y = _problem(4)
    saved = {k: v.copy() for k, v in params.items()}
    X0, y0 = X.copy(), y.copy()
    m.mlp2_torch(params, X, y)
    for k in params:
        assert_close(params[k], saved[k], rtol=0, atol=0, what="params[%r] after the call" % k)
    assert_close(X, X0, rtol=0, atol=0, what="X after the call")
    assert_close(y, y0, rtol=0, atol=0, what="y after the call")


def test_single_example_two_classes(m):
    """n = 1 and K = 2 work too (shapes are not hard-coded)"""
    params, X, y = _problem(5, n=1, d=3, h=2, K=2)
    loss, grads = m.mlp2_torch(params, X, y)
    ref_loss, ref = _numpy_reference(params, X, y)
    assert_close(loss, ref_loss, what="loss")
    for k in params:
        assert_close(grads[k], ref[k], what="grads[%r]" % k)
