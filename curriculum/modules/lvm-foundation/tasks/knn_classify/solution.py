import numpy as np


def knn_classify(train_feats, train_labels, test_feats, k):
    """k-nearest-neighbour classification on frozen features, by cosine similarity.

    在冻结特征上按余弦相似度做 k 近邻分类。
    """
    A = np.asarray(train_feats, dtype=np.float64)
    B = np.asarray(test_feats, dtype=np.float64)
    y = np.asarray(train_labels)
    na = np.linalg.norm(A, axis=1, keepdims=True)
    nb = np.linalg.norm(B, axis=1, keepdims=True)
    A = A / np.where(na == 0, 1.0, na)          # zero rows stay zero -> similarity 0
    B = B / np.where(nb == 0, 1.0, nb)
    sim = B @ A.T                                # (M, N) cosine similarities
    idx = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    n_classes = int(y.max()) + 1
    out = np.empty(B.shape[0], dtype=np.int64)
    for i in range(B.shape[0]):
        votes = np.bincount(y[idx[i]], minlength=n_classes)
        out[i] = int(np.argmax(votes))           # argmax returns the smallest label on ties
    return out
