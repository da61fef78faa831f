# draws a single random id and writes it at every "random token" position
import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    tokens = np.asarray(tokens)
    selected = rng.random(tokens.shape) < p
    labels = np.where(selected, tokens, -100)
    inputs = tokens.copy()
    u = rng.random(tokens.shape)
    inputs[selected & (u < 0.8)] = mask_id
    inputs[selected & (u >= 0.8) & (u < 0.9)] = rng.integers(0, vocab_size)
    return inputs, labels
