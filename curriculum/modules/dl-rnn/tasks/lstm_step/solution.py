import numpy as np


def _sigmoid(z):
    # stable for large |z|: exp only ever sees non-positive numbers
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_step(x, h, c, W, U, b):
    """LSTM step with gate blocks in the order i, f, g, o.

    LSTM 的一步，门的顺序为 i、f、g、o。
    """
    a = np.asarray(x, dtype=np.float64) @ W + np.asarray(h, dtype=np.float64) @ U + b
    H = a.shape[-1] // 4
    i = _sigmoid(a[:, 0:H])
    f = _sigmoid(a[:, H:2 * H])
    g = np.tanh(a[:, 2 * H:3 * H])
    o = _sigmoid(a[:, 3 * H:4 * H])
    c_new = f * c + i * g
    h_new = o * np.tanh(c_new)
    return h_new, c_new
