# subtracts one global max from all logits instead of each row's max, so rows far below it underflow
import numpy as np


def info_nce(za, zb, tau):
    za, zb = np.asarray(za, dtype=np.float64), np.asarray(zb, dtype=np.float64)
    a = za / np.linalg.norm(za, axis=1, keepdims=True)
    b = zb / np.linalg.norm(zb, axis=1, keepdims=True)
    logits = a @ b.T / tau
    logits = logits - logits.max()
    log_prob = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return float(-np.mean(np.diag(log_prob)))
