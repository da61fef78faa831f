# returns the sum of the per-example losses instead of their mean
import numpy as np


def cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    n = logits.shape[0]
    m = np.max(logits, axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.sum(np.exp(logits - m), axis=1))
    return float(np.sum(lse - logits[np.arange(n), y]))
