# centres and scales the caller's x in place (x -= mean), so the input array changes
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    x -= x.mean(axis=0)
    x /= np.sqrt((x * x).mean(axis=0) + eps)
    return gamma * x + beta
