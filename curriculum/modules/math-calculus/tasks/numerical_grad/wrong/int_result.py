# allocates the gradient with np.zeros_like on the caller's integer array: the float differences are truncated to integers
import numpy as np


def numerical_grad(f, x, eps=1e-5):
    xf = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(xf.shape):
        old = xf[i]
        xf[i] = old + eps
        f_plus = float(f(xf))
        xf[i] = old - eps
        f_minus = float(f(xf))
        xf[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
