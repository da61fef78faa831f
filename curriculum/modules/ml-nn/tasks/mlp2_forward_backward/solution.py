import numpy as np


def mlp2_forward_backward(params, X, y):
    """2-layer tanh/softmax network: loss and gradients (reference solution).

    两层 tanh/softmax 网络：损失与梯度（参考答案）。
    """
    W1, b1 = np.asarray(params["W1"], float), np.asarray(params["b1"], float)
    W2, b2 = np.asarray(params["W2"], float), np.asarray(params["b2"], float)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    n = X.shape[0]

    # forward
    A1 = np.tanh(X @ W1 + b1)
    Z2 = A1 @ W2 + b2
    Zs = Z2 - Z2.max(axis=1, keepdims=True)
    logsum = np.log(np.exp(Zs).sum(axis=1))
    loss = float(np.mean(logsum - Zs[np.arange(n), y]))

    # backward
    P = np.exp(Zs - logsum[:, None])                 # softmax probabilities
    dZ2 = P.copy()
    dZ2[np.arange(n), y] -= 1.0
    dZ2 /= n                                         # ∂loss/∂Z2 = (P − Y)/n
    dW2 = A1.T @ dZ2
    db2 = dZ2.sum(axis=0)
    dA1 = dZ2 @ W2.T
    dZ1 = dA1 * (1.0 - A1 ** 2)                      # tanh′ = 1 − tanh²
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
