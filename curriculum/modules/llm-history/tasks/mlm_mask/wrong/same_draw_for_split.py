# reuses the selection draw for the 80/10/10 choice: every selected position (u < 0.15) becomes [MASK]
import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    tokens = np.asarray(tokens)
    u = rng.random(tokens.shape)
    selected = u < p
    labels = np.where(selected, tokens, -100)
    inputs = tokens.copy()
    to_random = selected & (u >= 0.8) & (u < 0.9)
    inputs[selected & (u < 0.8)] = mask_id
    inputs[to_random] = rng.integers(0, vocab_size, size=int(to_random.sum()))
    return inputs, labels
