# no bias correction: the step uses m_new and v_new directly, so early steps are about 3× too large
import numpy as np


def adam_step(theta, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    theta, g, m, v = (np.asarray(a, dtype=np.float64) for a in (theta, g, m, v))
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g * g
    theta_new = theta - lr * m_new / (np.sqrt(v_new) + eps)
    return theta_new, m_new, v_new
