import numpy as np


def next_token_loss(logits, tokens):
    """GPT-style language-model loss: predict token t+1 from position t.

    logits: float array (T, V); row t holds the model's scores for the token that
    comes AFTER position t. tokens: int array (T,), the sequence itself.
    Return the mean cross-entropy (natural log) over positions t = 0 .. T-2 of
    -log softmax(logits[t])[tokens[t+1]]. The last row has no target and is ignored.
    Must be stable for very large logits (no overflow warnings).

    GPT 式语言模型损失：用位置 t 预测第 t+1 个 token。
    logits：形状 (T, V) 的浮点数组，第 t 行是模型对位置 t 之后那个 token 的打分；
    tokens：形状 (T,) 的整数数组，即序列本身。
    返回位置 t = 0 .. T-2 上 -log softmax(logits[t])[tokens[t+1]] 的平均值（自然对数）。
    最后一行没有目标，忽略它。logit 很大时也要数值稳定（不能有溢出警告）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
