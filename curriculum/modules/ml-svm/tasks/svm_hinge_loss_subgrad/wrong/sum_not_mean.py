# sums the hinge terms and their subgradients over the examples instead of averaging them (no 1/n)
import numpy as np


def svm_hinge_loss_subgrad(w, b, X, y, lam):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    margins = y * (X @ w + b)
    active = margins < 1.0
    loss = float(np.sum(np.maximum(0.0, 1.0 - margins)) + 0.5 * lam * (w @ w))
    dw = lam * w - X[active].T @ y[active]
    db = float(-np.sum(y[active]))
    return loss, dw, db
