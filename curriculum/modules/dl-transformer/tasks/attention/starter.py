import numpy as np


def attention(Q, K, V, mask=None):
    """Scaled dot-product attention.

    Q: (..., n_q, d_k), K: (..., n_k, d_k), V: (..., n_k, d_v); leading batch axes are allowed.
    mask: None, or a boolean array broadcastable to (..., n_q, n_k); True = this query may
    attend to this key, False = it may not (its weight must be exactly 0). Every row has at
    least one True.
    weights = softmax(Q Kᵀ / √d_k) over the last axis (masked scores set to −inf first);
    out = weights @ V.
    Returns (out, weights) with shapes (..., n_q, d_v) and (..., n_q, n_k).

    缩放点积注意力。
    Q：(..., n_q, d_k)，K：(..., n_k, d_k)，V：(..., n_k, d_v)；允许有前置的批量维度。
    mask：None，或可广播到 (..., n_q, n_k) 的布尔数组；True 表示该查询可以关注该键，
    False 表示不可以（对应权重必须恰好为 0）。每一行至少有一个 True。
    weights = 沿最后一个轴的 softmax(Q Kᵀ / √d_k)（先把被掩掉的得分设为 −inf）；
    out = weights @ V。
    返回 (out, weights)，形状分别为 (..., n_q, d_v) 和 (..., n_q, n_k)。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
