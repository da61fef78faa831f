# divides the scores by sqrt(d_v), the width of the values, instead of sqrt(d_k)
import numpy as np


def query_cross_attention(queries, feats, Wq, Wk, Wv):
    Q = np.asarray(queries, dtype=np.float64) @ Wq
    K = np.asarray(feats, dtype=np.float64) @ Wk
    V = np.asarray(feats, dtype=np.float64) @ Wv
    scores = Q @ K.T / np.sqrt(V.shape[1])
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    A = e / e.sum(axis=1, keepdims=True)
    return A @ V, A
