# perturbs an integer copy of x: x[i] = old + eps is truncated back to old, so an integer input gives a zero gradient
import numpy as np


def numerical_grad(f, x, eps=1e-5):
    x = np.array(x)
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = float(f(x))
        x[i] = old - eps
        f_minus = float(f(x))
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
