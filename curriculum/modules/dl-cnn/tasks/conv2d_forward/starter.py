import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """Forward pass of a 2D convolution layer (cross-correlation, as in PyTorch's Conv2d).

    x: input, shape (N, C, H, W).  w: filters, shape (F, C, kh, kw).  b: biases, shape (F,).
    stride: step between windows; pad: zeros added on every side of H and W.
    out[n, f, i, j] = b[f] + sum over c, u, v of
                      w[f, c, u, v] * x_padded[n, c, i*stride + u, j*stride + v]
    Returns out, shape (N, F, H_out, W_out) with H_out = (H + 2*pad - kh) // stride + 1
    (and the same for W_out).  Do not flip the kernel.

    二维卷积层的前向传播（与 PyTorch 的 Conv2d 一样，计算的是互相关）。
    x：输入，形状 (N, C, H, W)。w：卷积核，形状 (F, C, kh, kw)。b：偏置，形状 (F,)。
    stride：窗口移动的步长；pad：在 H 和 W 的每一侧补零的个数。
    公式见上。返回形状为 (N, F, H_out, W_out) 的 out，
    其中 H_out = (H + 2*pad - kh) // stride + 1（W_out 同理）。不要翻转卷积核。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
