# picks the labels' logits with logits[:, y] (an (n, n) block) instead of logits[np.arange(n), y]
import numpy as np


def cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    m = np.max(logits, axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.sum(np.exp(logits - m), axis=1))
    return float(np.mean(lse - logits[:, y]))
