import numpy as np


def softmax(z, axis=-1):
    """Stable softmax (reference solution). / 数值稳定的 softmax（参考答案）。"""
    z = np.asarray(z, dtype=np.float64)
    shifted = z - np.max(z, axis=axis, keepdims=True)   # the largest logit becomes 0
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)
