# chooses between the two stable forms with np.where, but np.where evaluates both branches, so exp(z) still overflows for z = 1000
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))
