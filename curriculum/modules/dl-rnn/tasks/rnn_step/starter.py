import numpy as np


def rnn_step(x, h, Wx, Wh, b):
    """One time step of a vanilla (Elman) RNN, for a batch.

    x: input at this step, shape (N, D).  h: previous hidden state, shape (N, H).
    Wx: shape (D, H).  Wh: shape (H, H).  b: shape (H,).
    Returns the new hidden state  h_new = tanh(x @ Wx + h @ Wh + b),  shape (N, H).

    普通（Elman）RNN 的一个时间步，按批计算。
    x：本时刻的输入，形状 (N, D)。h：上一时刻的隐状态，形状 (N, H)。
    Wx：形状 (D, H)。Wh：形状 (H, H)。b：形状 (H,)。
    返回新的隐状态 h_new = tanh(x @ Wx + h @ Wh + b)，形状 (N, H)。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
