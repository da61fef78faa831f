# clips p to [1e-15, 1 − 1e-15] before taking logs: no warning, but a confidently wrong example costs 34.5 instead of 1000
import numpy as np


def logreg_loss_grad(w, X, y):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    z = X @ w
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    pc = np.clip(p, 1e-15, 1 - 1e-15)
    loss = float(-np.mean(y * np.log(pc) + (1 - y) * np.log(1 - pc)))
    return loss, X.T @ (p - y) / n
