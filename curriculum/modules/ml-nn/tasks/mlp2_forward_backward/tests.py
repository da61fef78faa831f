import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _setup(seed=0, n=8, d=4, h=5, k=3, scale=0.5):
    g = rng(seed)
    params = {
        "W1": g.normal(scale=scale, size=(d, h)),
        "b1": g.normal(scale=scale, size=h),
        "W2": g.normal(scale=scale, size=(h, k)),
        "b2": g.normal(scale=scale, size=k),
    }
    X = g.normal(size=(n, d))
    y = g.integers(0, k, size=n)
    return params, X, y


def test_grad_shapes(m):
    """returns a float loss and one gradient per parameter, with the parameter's shape
    zh: 返回一个浮点数损失，并为每个参数返回一个与该参数形状相同的梯度"""
    params, X, y = _setup()
    loss, grads = m.mlp2_forward_backward(params, X, y)
    assert_true(np.ndim(loss) == 0, "loss must be a single number", "loss 必须是单个数")
    for k in ("W1", "b1", "W2", "b2"):
        assert_true(k in grads, tr("grads has no key %r", "grads 里没有键 %r") % k)
        assert_shape(grads[k], params[k].shape, "grads[%r]" % k)


def test_zero_output_layer_gives_ln_k(m):
    """with W2 = 0 and b2 = 0 all K classes are equally likely: loss = ln K
    zh: W2 = 0、b2 = 0 时 K 个类别的概率都相等：损失 = ln K"""
    params, X, y = _setup(seed=1, k=4)
    params["W2"] = np.zeros_like(params["W2"])
    params["b2"] = np.zeros_like(params["b2"])
    loss, _ = m.mlp2_forward_backward(params, X, y)
    assert_close(loss, np.log(4.0), what=tr("loss with a zero output layer", "输出层全为 0 时的损失"))


def test_reference_forward(m):
    """the loss matches a direct computation of tanh → linear → softmax → cross-entropy
    zh: 损失与直接按 tanh → 线性层 → softmax → 交叉熵 算出的结果一致"""
    params, X, y = _setup(seed=2)
    A1 = np.tanh(X @ params["W1"] + params["b1"])
    Z2 = A1 @ params["W2"] + params["b2"]
    P = np.exp(Z2) / np.exp(Z2).sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(P[np.arange(len(y)), y]))
    loss, _ = m.mlp2_forward_backward(params, X, y)
    assert_close(loss, expected, what=tr("loss", "损失"))


def test_gradient_check_all_parameters(m):
    """every gradient (W1, b1, W2, b2) passes a central-difference gradient check
    zh: 每个梯度（W1、b1、W2、b2）都能通过中心差分梯度检验"""
    params, X, y = _setup(seed=3)
    _, grads = m.mlp2_forward_backward(params, X, y)
    for key in ("W2", "b2", "W1", "b1"):
        def f(v, key=key):
            p = dict(params)
            p[key] = v
            return m.mlp2_forward_backward(p, X, y)[0]
        grad_check(f, params[key], grads[key], what="d loss / d " + key)


def test_output_bias_gradient(m):
    """∂loss/∂b2 is the mean over the batch of (softmax − one-hot), so it sums to 0
    zh: ∂loss/∂b2 是 (softmax − one-hot) 在批次上的平均，所以各分量之和为 0"""
    params, X, y = _setup(seed=4)
    _, grads = m.mlp2_forward_backward(params, X, y)
    assert_close(np.sum(grads["b2"]), 0.0, atol=1e-12, what=tr("sum of grads['b2']", "grads['b2'] 各分量之和"))


def test_training_lowers_loss_and_inputs_untouched(m):
    """50 steps of gradient descent lower the loss; params, X and y are not modified
    zh: 50 步梯度下降能降低损失；params、X 和 y 都不被修改"""
    params, X, y = _setup(seed=5, n=20)
    saved = {k: v.copy() for k, v in params.items()}
    X0, y0 = X.copy(), y.copy()
    loss0, _ = m.mlp2_forward_backward(params, X, y)
    for k in saved:
        assert_close(params[k], saved[k], what=tr("params[%r] after the call", "调用之后的 params[%r]") % k)
    assert_close(X, X0, what=tr("X after the call", "调用之后的 X"))
    assert_close(y, y0, what=tr("y after the call", "调用之后的 y"))
    p = {k: v.copy() for k, v in params.items()}
    for _ in range(50):
        loss, grads = m.mlp2_forward_backward(p, X, y)
        p = {k: p[k] - 0.5 * grads[k] for k in p}
    loss_end, _ = m.mlp2_forward_backward(p, X, y)
    assert_true(loss_end < 0.7 * loss0, tr("the loss should fall by more than 30%% in 50 steps (%.4f -> %.4f)",
                                         "50 步之内损失应下降 30%% 以上（%.4f -> %.4f）") % (loss0, loss_end))


def test_large_logits_stable(m):
    """a huge output layer (logits in the thousands) gives a finite loss without warnings
    zh: 输出层权重极大（logit 达到几千）时，损失仍然有限，且没有警告"""
    params, X, y = _setup(seed=6)
    params["W2"] = params["W2"] * 5000.0
    with no_warnings("mlp2_forward_backward"), np.errstate(under="ignore"):
        loss, grads = m.mlp2_forward_backward(params, X, y)
    assert_true(np.isfinite(loss), "loss is not finite for large logits", "logit 很大时损失不是有限值")
    assert_true(all(np.all(np.isfinite(g)) for g in grads.values()), "a gradient is not finite for large logits",
                "logit 很大时有梯度不是有限值")
