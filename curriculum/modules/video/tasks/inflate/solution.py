import numpy as np


def inflate(w2d, T):
    """Inflate 2D convolution filters into 3D (space-time) filters.

    w2d has shape (C_out, C_in, kH, kW). Return an array of shape
    (C_out, C_in, T, kH, kW) in which every one of the T temporal slices
    equals w2d / T (repeat along time, then divide by T).
    Raise ValueError if T is not a positive integer. Do not modify w2d.

    把二维卷积核“膨胀”成三维（时空）卷积核。
    w2d 的形状为 (C_out, C_in, kH, kW)。返回形状为 (C_out, C_in, T, kH, kW)
    的数组，其中 T 个时间切片都等于 w2d / T（沿时间重复，再除以 T）。
    若 T 不是正整数，抛出 ValueError。不要修改 w2d。
    """
    if isinstance(T, bool) or int(T) != T or T < 1:
        raise ValueError("T must be a positive integer, got %r" % (T,))
    T = int(T)
    w2d = np.asarray(w2d, dtype=np.float64)
    # new time axis after the two channel axes, repeated T times, divided by T
    w3d = np.repeat(w2d[:, :, np.newaxis, :, :], T, axis=2) / T
    return w3d
