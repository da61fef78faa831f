# writes log(1 + e^z) as np.log1p(np.exp(z)): exp(1000) overflows to inf instead of using np.logaddexp(0, z)
import numpy as np


def logreg_loss_grad(w, X, y):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    z = X @ w
    loss = float(np.mean(np.log1p(np.exp(z)) - y * z))
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return loss, X.T @ (p - y) / n
