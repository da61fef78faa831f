# the output layer's bias is left out: only hidden layers add bˡ
import numpy as np


def deep_forward(X, Ws, bs):
    A = np.asarray(X, dtype=np.float64)
    L = len(Ws)
    for l in range(L - 1):
        A = np.maximum(A @ Ws[l] + bs[l], 0.0)
    return A @ Ws[-1]
