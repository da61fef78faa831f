# returns Xᵀ(y − p)/n, the gradient of the log-likelihood, instead of Xᵀ(p − y)/n, the gradient of the loss
import numpy as np


def logreg_loss_grad(w, X, y):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    z = X @ w
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return loss, X.T @ (y - p) / n
