# normalises the scores over axis 0 (the queries) instead of over each query's row of image features
import numpy as np


def query_cross_attention(queries, feats, Wq, Wk, Wv):
    Q = np.asarray(queries, dtype=np.float64) @ Wq
    K = np.asarray(feats, dtype=np.float64) @ Wk
    V = np.asarray(feats, dtype=np.float64) @ Wv
    scores = Q @ K.T / np.sqrt(K.shape[1])
    e = np.exp(scores - scores.max(axis=0, keepdims=True))
    A = e / e.sum(axis=0, keepdims=True)
    return A @ V, A
