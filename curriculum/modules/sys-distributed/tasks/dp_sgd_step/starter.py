import numpy as np


def dp_sgd_step(w, shards, lr):
    """One step of data-parallel SGD for linear least squares.

    Loss on the whole dataset (n rows): L(w) = (1/(2n)) * ||X w - y||^2,
    so the full-batch gradient is X^T (X w - y) / n.
    shards: a list of (X_k, y_k) pairs, one per worker; X_k has shape (n_k, d),
    y_k has shape (n_k,). Shards may have different sizes n_k.
    Each worker may only look at its own shard; combine what the workers send so
    that the update equals full-batch gradient descent on all n rows, then return
    the new weights w - lr * g (a new array; do not modify w).

    线性最小二乘的一步数据并行 SGD。
    全数据（n 行）上的损失：L(w) = (1/(2n)) * ||X w - y||^2，
    全批量梯度为 X^T (X w - y) / n。
    shards：每个 worker 一个 (X_k, y_k)；X_k 形状 (n_k, d)，y_k 形状 (n_k,)，
    各分片大小 n_k 可以不同。每个 worker 只能看自己的分片；把各 worker 发出的
    结果合并，使更新与在全部 n 行上做全批量梯度下降完全一致，
    返回新的权重 w - lr * g（返回新数组，不要修改 w）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
