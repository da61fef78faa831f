import numpy as np
import torch


def mlp2_torch(params, X, y):
    """The 2-layer network of the ml-nn module, with gradients from PyTorch autograd.

    params: dict of NumPy arrays "W1" (d, h), "b1" (h,), "W2" (h, K), "b2" (K,).
    X: (n, d) NumPy inputs; y: (n,) integer labels in 0 … K−1.
        A1 = tanh(X @ W1 + b1);  Z2 = A1 @ W2 + b2;  loss = mean cross-entropy of softmax(Z2) vs y
    Build float64 tensors (requires_grad=True for the parameters), run the forward pass in torch,
    call loss.backward(), and return (loss, grads): loss a Python float, grads a dict of NumPy
    float64 arrays with the same keys and shapes as params. Do not modify params, X or y.

    "神经网络"一节中的两层网络，梯度改由 PyTorch 自动求导给出。
    params：NumPy 数组字典，含 "W1" (d, h)、"b1" (h,)、"W2" (h, K)、"b2" (K,)。
    X：(n, d) NumPy 输入；y：(n,) 整数标签，取值 0 … K−1。
        A1 = tanh(X @ W1 + b1)；Z2 = A1 @ W2 + b2；loss = softmax(Z2) 相对 y 的平均交叉熵
    构造 float64 张量（参数要 requires_grad=True），用 torch 做前向传播，调用 loss.backward()，
    返回 (loss, grads)：loss 为 Python 浮点数，grads 是与 params 键和形状相同的 NumPy float64
    数组字典。不要修改 params、X 和 y。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
