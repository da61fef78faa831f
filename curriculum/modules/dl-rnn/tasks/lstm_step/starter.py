import numpy as np


def lstm_step(x, h, c, W, U, b):
    """One time step of an LSTM with a forget gate, for a batch.

    x: shape (N, D).  h, c: previous hidden and cell state, shape (N, H).
    W: shape (D, 4H).  U: shape (H, 4H).  b: shape (4H,).
    a = x @ W + h @ U + b is split along its last axis into four blocks of H columns,
    in this order (the order PyTorch uses):  i (input gate), f (forget gate), g (candidate), o (output gate).
        i = sigmoid(a_i)   f = sigmoid(a_f)   g = tanh(a_g)   o = sigmoid(a_o)
        c_new = f * c + i * g        h_new = o * tanh(c_new)
    Returns (h_new, c_new), each of shape (N, H).

    带遗忘门的 LSTM 的一个时间步，按批计算。
    x：形状 (N, D)。h、c：上一时刻的隐状态和细胞状态，形状 (N, H)。
    W：形状 (D, 4H)。U：形状 (H, 4H)。b：形状 (4H,)。
    a = x @ W + h @ U + b 沿最后一个轴按顺序切成四块（每块 H 列，与 PyTorch 的顺序相同）：
    i（输入门）、f（遗忘门）、g（候选值）、o（输出门）。公式见上。
    返回 (h_new, c_new)，形状都是 (N, H)。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
