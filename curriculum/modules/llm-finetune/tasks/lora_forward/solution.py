import numpy as np


def lora_forward(x, W0, A, B, alpha, r):
    """Forward pass of a linear layer with a LoRA adapter.

    带 LoRA 适配器的线性层前向计算。
    """
    x = np.asarray(x, dtype=np.float64)
    s = alpha / r
    return x @ np.asarray(W0).T + s * ((x @ np.asarray(A).T) @ np.asarray(B).T)


def lora_merge(W0, A, B, alpha, r):
    """Merged weight W = W0 + (alpha / r) * B A.

    合并后的权重 W = W0 + (alpha / r) * B A。
    """
    return np.asarray(W0, dtype=np.float64) + (alpha / r) * (np.asarray(B) @ np.asarray(A))


def lora_num_params(d_in, d_out, r):
    """Number of trainable parameters of the adapter (A and B).

    适配器（A 和 B）的可训练参数个数。
    """
    return int(r * (d_in + d_out))
