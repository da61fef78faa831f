# naive sigmoid 1/(1 + exp(−z)): np.exp overflows for pre-activations near −1000
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_step(x, h, c, W, U, b):
    a = np.asarray(x, dtype=np.float64) @ W + np.asarray(h, dtype=np.float64) @ U + b
    H = a.shape[-1] // 4
    i = _sigmoid(a[:, 0:H])
    f = _sigmoid(a[:, H:2 * H])
    g = np.tanh(a[:, 2 * H:3 * H])
    o = _sigmoid(a[:, 3 * H:4 * H])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
