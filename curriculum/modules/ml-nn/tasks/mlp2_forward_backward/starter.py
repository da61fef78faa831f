import numpy as np


def mlp2_forward_backward(params, X, y):
    """Forward and backward pass of a 2-layer network with a tanh hidden layer and softmax output.

    params: dict with "W1" (d, h), "b1" (h,), "W2" (h, K), "b2" (K,).
    X: (n, d) inputs; y: (n,) integer labels in 0 … K−1.
        A1 = tanh(X @ W1 + b1)              hidden activations, (n, h)
        Z2 = A1 @ W2 + b2                   logits, (n, K)
        loss = mean cross-entropy of softmax(Z2) against y
    Returns (loss, grads): loss is a float, grads is a dict with the same keys and shapes as params
    holding ∂loss/∂W1, ∂loss/∂b1, ∂loss/∂W2, ∂loss/∂b2. Do not modify params, X or y.

    两层网络（tanh 隐藏层 + softmax 输出）的前向与反向传播。
    params：字典，含 "W1" (d, h)、"b1" (h,)、"W2" (h, K)、"b2" (K,)。
    X：(n, d) 输入；y：(n,) 整数标签，取值 0 … K−1。
        A1 = tanh(X @ W1 + b1)              隐藏层激活，(n, h)
        Z2 = A1 @ W2 + b2                   logits，(n, K)
        loss = softmax(Z2) 相对 y 的平均交叉熵
    返回 (loss, grads)：loss 是浮点数；grads 是与 params 键和形状都相同的字典，
    存放 ∂loss/∂W1、∂loss/∂b1、∂loss/∂W2、∂loss/∂b2。不要修改 params、X 和 y。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
