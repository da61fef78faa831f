import numpy as np


def query_cross_attention(queries, feats, Wq, Wk, Wv):
    """Learned queries read a variable number of image features (Q-Former style).

    queries: (n_q, d) learned query vectors. feats: (N, d_img) frozen image features
    (one per patch; N may vary). Wq: (d, d_k), Wk: (d_img, d_k), Wv: (d_img, d_v).
    Q = queries @ Wq, K = feats @ Wk, V = feats @ Wv,
    A = softmax(Q K^T / sqrt(d_k)) along the last axis (each row sums to 1),
    out = A @ V.  Return (out, A) with shapes (n_q, d_v) and (n_q, N).
    Must be numerically stable for large scores (no overflow warnings).

    可学习的查询向量去读取数量可变的图像特征（Q-Former 的做法）。
    queries：(n_q, d) 的可学习查询；feats：(N, d_img) 的冻结图像特征（每个 patch 一个，N 可变）。
    Wq：(d, d_k)，Wk：(d_img, d_k)，Wv：(d_img, d_v)。
    Q = queries @ Wq，K = feats @ Wk，V = feats @ Wv，
    A = softmax(Q K^T / sqrt(d_k))，沿最后一个轴（每行和为 1），out = A @ V。
    返回 (out, A)，形状分别为 (n_q, d_v) 和 (n_q, N)。分数很大时也要数值稳定（不能有溢出警告）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
