# returns the summed gradient Xᵀ(p − y) without the 1/n, while the loss is a mean: the gradient is n times too large
import numpy as np


def logreg_loss_grad(w, X, y):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    z = X @ w
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return loss, X.T @ (p - y)
