# stores the per-position losses in np.zeros_like(targets), an integer array: every loss is truncated
import numpy as np


def next_token_loss(logits, tokens):
    z = np.asarray(logits, dtype=np.float64)[:-1]
    targets = np.asarray(tokens)[1:]
    losses = np.zeros_like(targets)
    for t in range(len(targets)):
        m = z[t].max()
        losses[t] = m + np.log(np.exp(z[t] - m).sum()) - z[t, targets[t]]
    return float(losses.mean())
