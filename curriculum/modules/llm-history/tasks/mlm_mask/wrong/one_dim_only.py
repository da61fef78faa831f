# draws len(tokens) numbers, so it only works for a 1-D sequence, not a batch of shape (B, T)
import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    tokens = np.asarray(tokens)
    n = len(tokens)
    selected = rng.random(n) < p
    labels = np.where(selected, tokens, -100)
    inputs = tokens.copy()
    u = rng.random(n)
    to_random = selected & (u >= 0.8) & (u < 0.9)
    inputs[selected & (u < 0.8)] = mask_id
    inputs[to_random] = rng.integers(0, vocab_size, size=int(to_random.sum()))
    return inputs, labels
