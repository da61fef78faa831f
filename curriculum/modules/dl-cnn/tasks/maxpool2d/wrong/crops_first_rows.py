# when H or W is not a multiple of the window, it drops the first rows/columns instead of the last ones
import numpy as np


def maxpool2d(x, size=2, stride=None):
    x = np.asarray(x, dtype=np.float64)
    s = size if stride is None else stride
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // s + 1, (W - size) // s + 1
    x = x[:, :, H - ((Ho - 1) * s + size):, W - ((Wo - 1) * s + size):]
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * s:i * s + size, j * s:j * s + size].max(axis=(2, 3))
    return out
