# returns the sum of the per-position losses instead of their mean over the T-1 positions
import numpy as np


def next_token_loss(logits, tokens):
    z = np.asarray(logits, dtype=np.float64)[:-1]
    targets = np.asarray(tokens)[1:]
    m = z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    return float(np.sum(lse - z[np.arange(len(targets)), targets]))
