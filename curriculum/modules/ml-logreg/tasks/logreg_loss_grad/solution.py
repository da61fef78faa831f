import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logreg_loss_grad(w, X, y):
    """Stable logistic loss and gradient (reference solution). / 数值稳定的逻辑损失与梯度（参考答案）。"""
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    z = X @ w
    # −[y log σ(z) + (1−y) log(1−σ(z))] = log(1 + e^z) − y·z, and log(1 + e^z) = logaddexp(0, z)
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    grad = X.T @ (_sigmoid(z) - y) / n
    return loss, grad
