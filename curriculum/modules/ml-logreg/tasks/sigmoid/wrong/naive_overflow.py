# computes 1 / (1 + np.exp(-z)) directly: exp(1000) overflows for z = −1000 (an overflow warning)
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-z))
