import numpy as np


def next_token_loss(logits, tokens):
    """GPT-style language-model loss: predict token t+1 from position t.

    GPT 式语言模型损失：用位置 t 预测第 t+1 个 token。
    """
    logits = np.asarray(logits, dtype=np.float64)
    tokens = np.asarray(tokens)
    z = logits[:-1]                      # positions that have a next token
    targets = tokens[1:]                 # shift the sequence left by one
    zmax = z.max(axis=1, keepdims=True)
    logsumexp = zmax[:, 0] + np.log(np.exp(z - zmax).sum(axis=1))
    picked = z[np.arange(len(targets)), targets]
    return float(np.mean(logsumexp - picked))
