import numpy as np


def info_nce(za, zb, tau):
    """InfoNCE loss for N positive pairs (za[i], zb[i]).

    za, zb: (N, D) embeddings (not necessarily normalised); tau > 0: temperature.
    Normalise each row to unit length, then s_ij = cosine similarity of za[i] and zb[j].
    loss = mean over i of −log( exp(s_ii/tau) / Σ_j exp(s_ij/tau) )
    Returns the loss as a float. Must be stable for small tau (large logits).

    N 个正样本对 (za[i], zb[i]) 的 InfoNCE 损失。
    za、zb：(N, D) 嵌入（不一定已归一化）；tau > 0：温度。
    先把每一行归一化为单位长度，s_ij = za[i] 与 zb[j] 的余弦相似度。
    loss = 对 i 取平均的 −log( exp(s_ii/tau) / Σ_j exp(s_ij/tau) )
    以浮点数返回损失。tau 很小（logit 很大）时也必须数值稳定。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
