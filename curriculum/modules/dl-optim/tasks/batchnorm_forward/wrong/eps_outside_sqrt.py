# eps is added outside the square root: (x − μ) / (√σ² + eps)
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    return gamma * (x - mean) / (std + eps) + beta
