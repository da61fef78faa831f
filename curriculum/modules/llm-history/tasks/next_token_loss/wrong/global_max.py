# subtracts one global maximum instead of each row's: a row far below the largest logit underflows to log(0)
import numpy as np


def next_token_loss(logits, tokens):
    z = np.asarray(logits, dtype=np.float64)[:-1]
    targets = np.asarray(tokens)[1:]
    m = z.max()
    lse = m + np.log(np.exp(z - m).sum(axis=1))
    return float(np.mean(lse - z[np.arange(len(targets)), targets]))
