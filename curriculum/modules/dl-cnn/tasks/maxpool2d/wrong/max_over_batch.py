# takes each window's max over the batch axis too (axis=(0, 2, 3)), so every example gets the batch's maximum
import numpy as np


def maxpool2d(x, size=2, stride=None):
    x = np.asarray(x, dtype=np.float64)
    s = size if stride is None else stride
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // s + 1, (W - size) // s + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * s:i * s + size, j * s:j * s + size].max(axis=(0, 2, 3))
    return out
