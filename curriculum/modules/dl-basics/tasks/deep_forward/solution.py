import numpy as np


def deep_forward(X, Ws, bs):
    """Forward pass of an L-layer ReLU network with a linear output layer.

    L 层 ReLU 网络的前向传播，输出层为线性。
    """
    A = np.asarray(X, dtype=np.float64)
    L = len(Ws)
    for l in range(L):
        Z = A @ np.asarray(Ws[l], dtype=np.float64) + np.asarray(bs[l], dtype=np.float64)
        A = np.maximum(Z, 0.0) if l < L - 1 else Z
    return A
