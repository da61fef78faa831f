import numpy as np


def rnn_step(x, h, Wx, Wh, b):
    """h_new = tanh(x Wx + h Wh + b).

    新隐状态 h_new = tanh(x Wx + h Wh + b)。
    """
    return np.tanh(np.asarray(x, dtype=np.float64) @ Wx + np.asarray(h, dtype=np.float64) @ Wh + b)
