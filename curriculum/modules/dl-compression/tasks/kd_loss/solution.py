import numpy as np


def _log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def kd_loss(s, t, T):
    """Knowledge-distillation loss and its gradient with respect to the student logits.

    知识蒸馏损失及其对学生 logit 的梯度。
    """
    s = np.asarray(s, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    N = s.shape[0]
    log_ps = _log_softmax(s / T)
    log_pt = _log_softmax(t / T)
    pt = np.exp(log_pt)
    ps = np.exp(log_ps)
    loss = T * T * np.sum(pt * (log_pt - log_ps)) / N
    grad = T * (ps - pt) / N
    return float(loss), grad
