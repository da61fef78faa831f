import numpy as np


def maxpool2d(x, size=2, stride=None):
    """Max pooling over non-padded size x size windows.

    x: shape (N, C, H, W).  stride defaults to size (non-overlapping windows).
    out[n, c, i, j] = max of x[n, c, i*stride : i*stride+size, j*stride : j*stride+size]
    Returns shape (N, C, H_out, W_out), H_out = (H - size) // stride + 1 (same for W_out).

    在 size x size 的窗口上做最大池化（不补零）。
    x：形状 (N, C, H, W)。stride 默认等于 size（窗口互不重叠）。
    公式见上。返回形状 (N, C, H_out, W_out)，H_out = (H - size) // stride + 1（W_out 同理）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
