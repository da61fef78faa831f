# scores row t against tokens[t] (no shift): predicts the current token instead of the next one
import numpy as np


def next_token_loss(logits, tokens):
    z = np.asarray(logits, dtype=np.float64)
    tokens = np.asarray(tokens)
    m = z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    return float(np.mean(lse - z[np.arange(len(tokens)), tokens]))
