# softmax without any shift: np.exp overflows for logits around 800
import numpy as np


def kd_loss(s, t, T):
    s = np.asarray(s, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    N = s.shape[0]
    ps = np.exp(s / T) / np.exp(s / T).sum(axis=-1, keepdims=True)
    pt = np.exp(t / T) / np.exp(t / T).sum(axis=-1, keepdims=True)
    loss = T * T * np.sum(pt * (np.log(pt) - np.log(ps))) / N
    grad = T * (ps - pt) / N
    return float(loss), grad
