import numpy as np


def lora_grads(x, W0, A, B, alpha, r, dh):
    """Gradients of a LoRA layer with respect to its trainable matrices A and B.

    Forward: h = x W0^T + s * x A^T B^T with s = alpha / r (W0 is frozen).
    x: (n, d_in), W0: (d_out, d_in), A: (r, d_in), B: (d_out, r),
    dh: (n, d_out) = dL/dh, the gradient flowing back from the rest of the network.
    Return (dA, dB) with the shapes of A and B. No gradient for W0.

    LoRA 层对其可训练矩阵 A、B 的梯度。
    前向：h = x W0^T + s * x A^T B^T，其中 s = alpha / r（W0 冻结）。
    x：(n, d_in)，W0：(d_out, d_in)，A：(r, d_in)，B：(d_out, r)，
    dh：(n, d_out) = dL/dh，即从网络后面传回来的梯度。
    返回 (dA, dB)，形状分别与 A、B 相同。W0 不需要梯度。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
