import numpy as np


def project(x, U):
    """Orthogonal projection of x onto the subspace spanned by the columns of U.

    U has shape (d, k) with orthonormal columns (UᵀU = I). x is either one
    vector of shape (d,) or a batch of row vectors of shape (n, d); return an
    array of the same shape as x holding the projection(s).

    把 x 正交投影到由 U 的各列张成的子空间上。
    U 的形状为 (d, k)，各列标准正交（UᵀU = I）。x 可以是形状为 (d,) 的单个向量，
    也可以是形状为 (n, d) 的一批行向量；返回与 x 形状相同的投影结果。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
