# ReLU is applied to the input X as well (A⁰ = relu(X)), so negative inputs are lost
import numpy as np


def deep_forward(X, Ws, bs):
    A = np.maximum(np.asarray(X, dtype=np.float64), 0.0)
    L = len(Ws)
    for l in range(L):
        Z = A @ Ws[l] + bs[l]
        A = np.maximum(Z, 0.0) if l < L - 1 else Z
    return A
