import numpy as np


def lora_grads(x, W0, A, B, alpha, r, dh):
    """Gradients of a LoRA layer with respect to its trainable matrices A and B.

    LoRA 层对其可训练矩阵 A、B 的梯度。
    """
    x = np.asarray(x, dtype=np.float64)
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    dh = np.asarray(dh, dtype=np.float64)
    s = alpha / r
    u = x @ A.T                 # (n, r): the input projected into the bottleneck
    dB = s * dh.T @ u           # (d_out, r)
    du = s * dh @ B             # (n, r)
    dA = du.T @ x               # (r, d_in)
    return dA, dB
