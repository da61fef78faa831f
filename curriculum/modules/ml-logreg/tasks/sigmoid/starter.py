import numpy as np


def sigmoid(z):
    """Element-wise logistic function σ(z) = 1 / (1 + e^(−z)), stable for very large |z|.

    Accepts a scalar or an array of any shape and returns the same shape (float64).
    Must not emit overflow warnings for z = ±1000.

    逐元素计算逻辑函数 σ(z) = 1 / (1 + e^(−z))，|z| 很大时也要数值稳定。
    输入可以是标量或任意形状的数组，返回同样形状的 float64 结果。
    z = ±1000 时不能产生溢出警告。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
