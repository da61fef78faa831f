import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """Training-mode batch norm with per-feature batch mean and biased variance.

    训练模式的批归一化：按特征使用批均值与有偏方差。
    """
    x = np.asarray(x, dtype=np.float64)
    mean = x.mean(axis=0)
    var = x.var(axis=0)                      # ddof=0: the biased estimator
    x_hat = (x - mean) / np.sqrt(var + eps)
    return gamma * x_hat + beta
