# normalises the caller's feature arrays in place (train_feats /= ...), so their arrays come back changed
import numpy as np


def knn_classify(train_feats, train_labels, test_feats, k):
    na = np.linalg.norm(train_feats, axis=1, keepdims=True)
    nb = np.linalg.norm(test_feats, axis=1, keepdims=True)
    train_feats /= np.where(na == 0, 1.0, na)
    test_feats /= np.where(nb == 0, 1.0, nb)
    y = np.asarray(train_labels)
    sim = test_feats @ train_feats.T
    idx = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    return np.array([np.argmax(np.bincount(y[i], minlength=y.max() + 1)) for i in idx])
