# ignores the given rng and makes its own seeded generator: every call draws the same masks
import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    rng = np.random.default_rng(0)
    tokens = np.asarray(tokens)
    selected = rng.random(tokens.shape) < p
    labels = np.where(selected, tokens, -100)
    inputs = tokens.copy()
    u = rng.random(tokens.shape)
    to_random = selected & (u >= 0.8) & (u < 0.9)
    inputs[selected & (u < 0.8)] = mask_id
    inputs[to_random] = rng.integers(0, vocab_size, size=int(to_random.sum()))
    return inputs, labels
