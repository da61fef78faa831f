# uses raw dot products za · zb instead of cosine similarities (rows are not L2-normalised)
import numpy as np


def info_nce(za, zb, tau):
    za, zb = np.asarray(za, dtype=np.float64), np.asarray(zb, dtype=np.float64)
    logits = za @ zb.T / tau
    logits = logits - logits.max(axis=1, keepdims=True)
    log_prob = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return float(-np.mean(np.diag(log_prob)))
