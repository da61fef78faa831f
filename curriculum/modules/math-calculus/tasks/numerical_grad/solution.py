import numpy as np


def numerical_grad(f, x, eps=1e-5):
    """Gradient of the scalar function f at x, by central differences.

    用中心差分计算标量函数 f 在 x 处的梯度。
    """
    x = np.array(x, dtype=np.float64)  # a float copy: the caller's array stays untouched
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
