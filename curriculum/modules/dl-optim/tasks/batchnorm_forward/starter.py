import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """Batch normalisation of a mini-batch in training mode.

    x: shape (N, D): N examples, D features.  gamma, beta: shape (D,).
    For each feature, use the mini-batch mean and the *biased* variance (divide by N):
        x_hat = (x - mean) / sqrt(var + eps);   out = gamma * x_hat + beta
    Returns out, shape (N, D).

    训练模式下对一个 mini-batch 做批归一化。
    x：形状 (N, D)，N 个样本、D 个特征。gamma、beta：形状 (D,)。
    对每个特征使用该 mini-batch 的均值和*有偏*方差（除以 N）：
        x_hat = (x - mean) / sqrt(var + eps)；  out = gamma * x_hat + beta
    返回 out，形状 (N, D)。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
