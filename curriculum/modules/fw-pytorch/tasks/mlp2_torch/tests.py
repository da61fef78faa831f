import sys

import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr, learner_modules


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
    """the loss, computed with torch, equals the hand-written NumPy forward pass
    zh: 用 torch 算出的损失与手写的 NumPy 前向传播结果一致"""
    params, X, y = _problem(0)
    loss, _ = m.mlp2_torch(params, X, y)
    # Any form of import counts (import torch, from torch import tensor, ...): the tests never import torch.
    assert_true("torch" in learner_modules(),
                tr("your file does not use PyTorch: the point is to let autograd do the work",
                   "你的文件没有用到 PyTorch：这道题的用意就是让 autograd 替你求梯度"))
    assert_true(isinstance(loss, float), tr("loss should be a Python float (use loss.item()), got %s",
                                            "loss 应该是 Python 的 float（用 loss.item()），得到的是 %s") % type(loss).__name__)
    assert_close(loss, _numpy_reference(params, X, y)[0], what=tr("loss", "损失"))


def test_grads_match_numpy(m):
    """every autograd gradient equals the hand-derived NumPy gradient
    zh: autograd 算出的每个梯度都与手推的 NumPy 梯度一致"""
    params, X, y = _problem(1)
    _, grads = m.mlp2_torch(params, X, y)
    _, ref = _numpy_reference(params, X, y)
    assert_true(isinstance(grads, dict) and set(grads) == set(params),
                tr("grads should be a dict with keys %s", "grads 应该是一个 dict，键为 %s") % sorted(params))
    for k in ("W1", "b1", "W2", "b2"):
        g = grads[k]
        assert_true(isinstance(g, np.ndarray), tr("grads[%r] should be a NumPy array (use .detach().numpy())",
                                                  "grads[%r] 应该是 NumPy 数组（用 .detach().numpy()）") % k)
        assert_true(g.dtype == np.float64, tr("grads[%r] should be float64, got %s: make the parameter tensors float64",
                                              "grads[%r] 应该是 float64，得到的是 %s：参数张量要用 float64") % (k, g.dtype))
        assert_shape(g, params[k].shape, what="grads[%r]" % k)
        assert_close(g, ref[k], what="grads[%r]" % k)


def test_zero_output_layer(m):
    """with W2 = 0 and b2 = 0 every class is equally likely: loss = ln K
    zh: W2 = 0、b2 = 0 时每个类别的概率相同：损失 = ln K"""
    params, X, y = _problem(2, K=4)
    params["W2"] = np.zeros_like(params["W2"])
    params["b2"] = np.zeros_like(params["b2"])
    loss, grads = m.mlp2_torch(params, X, y)
    assert_close(loss, np.log(4), what=tr("loss", "损失"))
    assert_close(grads["W1"], np.zeros_like(params["W1"]), atol=1e-12, what=tr("grads['W1'] (no signal flows back through W2 = 0)",
                                                                                "grads['W1']（W2 = 0 时没有信号能反向传过来）"))


def test_no_accumulation_between_calls(m):
    """calling twice gives the same gradients (nothing accumulates in .grad)
    zh: 调用两次得到相同的梯度（.grad 里没有累加）"""
    params, X, y = _problem(3)
    _, g1 = m.mlp2_torch(params, X, y)
    _, g2 = m.mlp2_torch(params, X, y)
    for k in params:
        assert_close(g2[k], g1[k], what=tr("grads[%r] on the second call", "第二次调用得到的 grads[%r]") % k)


def test_inputs_unchanged(m):
    """params, X and y are not modified
    zh: params、X 和 y 都没有被修改"""
    params, X, y = _problem(4)
    saved = {k: v.copy() for k, v in params.items()}
    X0, y0 = X.copy(), y.copy()
    m.mlp2_torch(params, X, y)
    for k in params:
        assert_close(params[k], saved[k], rtol=0, atol=0, what=tr("params[%r] after the call", "调用之后的 params[%r]") % k)
    assert_close(X, X0, rtol=0, atol=0, what=tr("X after the call", "调用之后的 X"))
    assert_close(y, y0, rtol=0, atol=0, what=tr("y after the call", "调用之后的 y"))


def test_single_example_two_classes(m):
    """n = 1 and K = 2 work too (shapes are not hard-coded)
    zh: n = 1、K = 2 时也能正常运行（形状不能写死）"""
    params, X, y = _problem(5, n=1, d=3, h=2, K=2)
    loss, grads = m.mlp2_torch(params, X, y)
    ref_loss, ref = _numpy_reference(params, X, y)
    assert_close(loss, ref_loss, what=tr("loss", "损失"))
    for k in params:
        assert_close(grads[k], ref[k], what="grads[%r]" % k)
