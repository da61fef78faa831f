# subtracts the row maxima from the caller's logits array in place (logits -= ...)
import numpy as np


def next_token_loss(logits, tokens):
    logits -= logits.max(axis=1, keepdims=True)
    z = logits[:-1]
    targets = np.asarray(tokens)[1:]
    lse = np.log(np.exp(z).sum(axis=1))
    return float(np.mean(lse - z[np.arange(len(targets)), targets]))
