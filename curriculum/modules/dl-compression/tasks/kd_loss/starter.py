import numpy as np


def kd_loss(s, t, T):
    """Knowledge-distillation loss and its gradient with respect to the student logits.

    s, t: (N, C) student and teacher logits; T > 0: the temperature.
    p(z, T) = softmax(z / T) along the last axis.
    loss = T² · (1/N) · Σ_n KL( p(t_n, T) ‖ p(s_n, T) )     (a Python float)
    grad = ∂loss/∂s, same shape as s.
    Returns (loss, grad). Use a numerically stable log-softmax.

    知识蒸馏损失及其对学生 logit 的梯度。
    s、t：(N, C) 学生和教师的 logit；T > 0：温度。
    p(z, T) = 沿最后一个轴的 softmax(z / T)。
    loss = T² · (1/N) · Σ_n KL( p(t_n, T) ‖ p(s_n, T) )     （Python 浮点数）
    grad = ∂loss/∂s，形状与 s 相同。
    返回 (loss, grad)。log-softmax 要数值稳定。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
