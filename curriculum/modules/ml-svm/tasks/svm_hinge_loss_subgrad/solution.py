import numpy as np


def svm_hinge_loss_subgrad(w, b, X, y, lam):
    """Hinge loss + L2 penalty and a subgradient (reference solution).

    合页损失 + L2 惩罚及其次梯度（参考答案）。
    """
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    margins = y * (X @ w + b)
    active = margins < 1.0                          # examples inside the margin or misclassified
    loss = float(np.mean(np.maximum(0.0, 1.0 - margins)) + 0.5 * lam * (w @ w))
    dw = lam * w - (X[active].T @ y[active]) / n
    db = float(-np.sum(y[active]) / n)
    return loss, dw, db
