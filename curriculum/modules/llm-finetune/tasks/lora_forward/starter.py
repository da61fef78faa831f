import numpy as np


def lora_forward(x, W0, A, B, alpha, r):
    """Forward pass of a linear layer with a LoRA adapter.

    x: (n, d_in). W0: (d_out, d_in) frozen weight (PyTorch layout, y = x W0^T).
    A: (r, d_in), B: (d_out, r). Scale s = alpha / r.
    Return h = x W0^T + s * x A^T B^T, shape (n, d_out).
    Compute the adapter path through the rank-r bottleneck (x A^T first);
    do not form the d_out x d_in product B A here.

    带 LoRA 适配器的线性层前向计算。
    x：(n, d_in)；W0：(d_out, d_in)，冻结的权重（PyTorch 的布局，y = x W0^T）；
    A：(r, d_in)，B：(d_out, r)；缩放系数 s = alpha / r。
    返回 h = x W0^T + s * x A^T B^T，形状 (n, d_out)。
    适配器支路要经过秩为 r 的瓶颈来算（先算 x A^T），不要在这里构造 d_out x d_in 的 B A。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError


def lora_merge(W0, A, B, alpha, r):
    """Merged weight W = W0 + (alpha / r) * B A, shape (d_out, d_in).

    合并后的权重 W = W0 + (alpha / r) * B A，形状 (d_out, d_in)。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError


def lora_num_params(d_in, d_out, r):
    """Number of trainable parameters of the adapter (A and B), an int.

    适配器（A 和 B）的可训练参数个数，返回 int。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
