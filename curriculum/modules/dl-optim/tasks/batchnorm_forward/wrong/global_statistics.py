# one mean and one variance for the whole batch instead of one per feature
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    return gamma * (x - x.mean()) / np.sqrt(x.var() + eps) + beta
