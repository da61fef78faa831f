# draws the random numbers from np.random instead of the given rng: results cannot be reproduced
import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    tokens = np.asarray(tokens)
    selected = np.random.random(tokens.shape) < p
    labels = np.where(selected, tokens, -100)
    inputs = tokens.copy()
    u = np.random.random(tokens.shape)
    to_random = selected & (u >= 0.8) & (u < 0.9)
    inputs[selected & (u < 0.8)] = mask_id
    inputs[to_random] = np.random.randint(0, vocab_size, size=int(to_random.sum()))
    return inputs, labels
