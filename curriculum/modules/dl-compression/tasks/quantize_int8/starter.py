import numpy as np


def quantize_int8(w):
    """Symmetric per-tensor int8 quantisation.

    scale = max|w| / 127 (use scale = 1.0 when every weight is 0);
    q = round(w / scale), clipped to [-127, 127], as dtype np.int8, same shape as w.
    Returns (q, scale) with scale a Python float. The dequantised weights are q * scale.

    对称的逐张量 int8 量化。
    scale = max|w| / 127（所有权重都为 0 时取 scale = 1.0）；
    q = round(w / scale)，裁剪到 [-127, 127]，类型为 np.int8，形状与 w 相同。
    返回 (q, scale)，scale 为 Python 浮点数。反量化后的权重是 q * scale。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
