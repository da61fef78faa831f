import numpy as np


def info_nce(za, zb, tau):
    """InfoNCE loss for N positive pairs (za[i], zb[i]).

    N 个正样本对 (za[i], zb[i]) 的 InfoNCE 损失。
    """
    za = np.asarray(za, dtype=np.float64)
    zb = np.asarray(zb, dtype=np.float64)
    a = za / np.linalg.norm(za, axis=1, keepdims=True)
    b = zb / np.linalg.norm(zb, axis=1, keepdims=True)
    logits = a @ b.T / tau                                   # (N, N), row i = anchor i
    logits = logits - logits.max(axis=1, keepdims=True)      # stable log-sum-exp
    log_prob = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return float(-np.mean(np.diag(log_prob)))
