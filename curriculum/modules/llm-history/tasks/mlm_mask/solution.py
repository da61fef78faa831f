import numpy as np


def mlm_mask(tokens, rng, mask_id, vocab_size, p=0.15):
    """BERT-style masking for masked-language-model pre-training.

    BERT 式的掩码，用于掩码语言模型（MLM）预训练。
    """
    tokens = np.asarray(tokens)
    selected = rng.random(tokens.shape) < p
    labels = np.where(selected, tokens, -100)
    inputs = tokens.copy()
    u = rng.random(tokens.shape)
    to_mask = selected & (u < 0.8)
    to_random = selected & (u >= 0.8) & (u < 0.9)
    inputs[to_mask] = mask_id
    inputs[to_random] = rng.integers(0, vocab_size, size=int(to_random.sum()))
    return inputs, labels
