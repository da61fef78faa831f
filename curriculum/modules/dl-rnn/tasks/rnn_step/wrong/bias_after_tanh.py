# adds the bias after the tanh: tanh(x Wx + h Wh) + b
import numpy as np


def rnn_step(x, h, Wx, Wh, b):
    return np.tanh(np.asarray(x, dtype=np.float64) @ Wx + np.asarray(h, dtype=np.float64) @ Wh) + b
