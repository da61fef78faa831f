# takes np.log of σ(z) and 1 − σ(z) directly: at |z| = 1000 a probability rounds to 0 and log 0 = −inf (divide-by-zero warning)
import numpy as np


def logreg_loss_grad(w, X, y):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return loss, X.T @ (p - y) / n
