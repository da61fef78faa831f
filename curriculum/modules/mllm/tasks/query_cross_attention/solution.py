import numpy as np


def query_cross_attention(queries, feats, Wq, Wk, Wv):
    """Learned queries read a variable number of image features (Q-Former style).

    可学习的查询向量去读取数量可变的图像特征（Q-Former 的做法）。
    """
    Q = np.asarray(queries, dtype=np.float64) @ np.asarray(Wq, dtype=np.float64)
    F = np.asarray(feats, dtype=np.float64)
    K = F @ np.asarray(Wk, dtype=np.float64)
    V = F @ np.asarray(Wv, dtype=np.float64)
    scores = Q @ K.T / np.sqrt(K.shape[1])
    scores = scores - scores.max(axis=1, keepdims=True)   # stable softmax
    e = np.exp(scores)
    A = e / e.sum(axis=1, keepdims=True)
    return A @ V, A
