# sums the loss and gradient over the batch instead of averaging over N
import numpy as np


def _log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def kd_loss(s, t, T):
    s = np.asarray(s, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    N = s.shape[0]
    log_ps, log_pt = _log_softmax(s / T), _log_softmax(t / T)
    pt, ps = np.exp(log_pt), np.exp(log_ps)
    loss = T * T * np.sum(pt * (log_pt - log_ps))
    grad = T * (ps - pt)
    return float(loss), grad
