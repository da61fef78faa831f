import numpy as np


def adam_step(theta, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam update.

    theta: parameters; g: gradient at theta; m, v: first and second moment estimates
    (all the same shape); t: the step number, starting at 1.
    Returns (theta_new, m_new, v_new). Do not modify the inputs.
        m_new = beta1 * m + (1 - beta1) * g
        v_new = beta2 * v + (1 - beta2) * g**2
        m_hat = m_new / (1 - beta1**t);   v_hat = v_new / (1 - beta2**t)
        theta_new = theta - lr * m_hat / (sqrt(v_hat) + eps)

    Adam 的一次更新。
    theta：参数；g：theta 处的梯度；m、v：一阶和二阶矩估计（形状都相同）；t：步数，从 1 开始。
    返回 (theta_new, m_new, v_new)，不要修改输入。公式见上。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
