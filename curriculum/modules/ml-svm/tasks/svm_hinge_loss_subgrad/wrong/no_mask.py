# adds y_i·x_i for every example, not only for those with margin < 1: the subgradient ignores which points violate the margin
import numpy as np


def svm_hinge_loss_subgrad(w, b, X, y, lam):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    margins = y * (X @ w + b)
    loss = float(np.mean(np.maximum(0.0, 1.0 - margins)) + 0.5 * lam * (w @ w))
    dw = lam * w - (X.T @ y) / n
    db = float(-np.sum(y) / n)
    return loss, dw, db
