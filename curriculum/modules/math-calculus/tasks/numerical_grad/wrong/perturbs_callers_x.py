# nudges the caller's own array and undoes it with +eps/-eps arithmetic: x comes back changed by rounding
import numpy as np


def numerical_grad(f, x, eps=1e-5):
    grad = np.zeros(np.shape(x))
    for i in np.ndindex(x.shape):
        x[i] += eps
        f_plus = float(f(x))
        x[i] -= 2 * eps
        f_minus = float(f(x))
        x[i] += eps
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
