# the default stride is hard-coded to 2 instead of stride = size, so maxpool2d(x, 3) uses overlapping windows
import numpy as np


def maxpool2d(x, size=2, stride=None):
    x = np.asarray(x, dtype=np.float64)
    s = 2 if stride is None else stride
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // s + 1, (W - size) // s + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * s:i * s + size, j * s:j * s + size].max(axis=(2, 3))
    return out
