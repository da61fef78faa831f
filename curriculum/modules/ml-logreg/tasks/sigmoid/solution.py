import numpy as np


def sigmoid(z):
    """Stable logistic function (reference solution). / 数值稳定的逻辑函数（参考答案）。"""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))                 # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
