import numpy as np


def deep_forward(X, Ws, bs):
    """Forward pass of an L-layer fully connected network, vectorised over examples.

    X: inputs, shape (m, n_0): one example per row.
    Ws: list of L weight matrices, Ws[l] has shape (n_l, n_{l+1}).
    bs: list of L bias vectors, bs[l] has shape (n_{l+1},).
    Hidden layers: A = relu(A_prev @ W + b).  The last layer is linear (no ReLU).
    Returns the output, shape (m, n_L).

    L 层全连接网络的前向传播，对所有样本做向量化计算。
    X：输入，形状 (m, n_0)，每行一个样本。
    Ws：L 个权重矩阵组成的列表，Ws[l] 的形状是 (n_l, n_{l+1})。
    bs：L 个偏置向量组成的列表，bs[l] 的形状是 (n_{l+1},)。
    隐藏层：A = relu(A_prev @ W + b)；最后一层是线性的（不加 ReLU）。
    返回输出，形状 (m, n_L)。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
