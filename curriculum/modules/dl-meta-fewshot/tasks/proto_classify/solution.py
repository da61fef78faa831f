import numpy as np


def proto_classify(S, yS, Q):
    """Classify queries by their nearest class prototype (Prototypical Networks).

    用原型网络的方法给查询样本分类。
    """
    S = np.asarray(S, dtype=np.float64)
    Q = np.asarray(Q, dtype=np.float64)
    yS = np.asarray(yS)
    classes = np.unique(yS)
    protos = np.stack([S[yS == k].mean(axis=0) for k in classes])   # (N, D)
    d = ((Q[:, None, :] - protos[None, :, :]) ** 2).sum(axis=-1)    # (n_query, N)
    scores = -d
    scores = scores - scores.max(axis=1, keepdims=True)             # stable softmax
    e = np.exp(scores)
    probs = e / e.sum(axis=1, keepdims=True)
    pred = classes[np.argmax(probs, axis=1)]
    return pred, probs
