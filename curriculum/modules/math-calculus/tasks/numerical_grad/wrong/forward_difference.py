# uses the forward difference (f(x + eps) - f(x)) / eps instead of the central one: error of order eps, not eps²
import numpy as np


def numerical_grad(f, x, eps=1e-5):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    f0 = float(f(x))
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        grad[i] = (float(f(x)) - f0) / eps
        x[i] = old
    return grad
