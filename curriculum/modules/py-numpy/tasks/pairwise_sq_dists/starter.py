import numpy as np


def pairwise_sq_dists(A, B):
    """Squared Euclidean distances between every row of A and every row of B.

    A: shape (n, d); B: shape (m, d). Return D of shape (n, m) with
    D[i, j] = sum_k (A[i, k] - B[j, k])**2, computed without Python loops
    (no for/while/comprehensions). Every entry must be >= 0.

    计算 A 的每一行与 B 的每一行之间的欧氏距离平方。
    A 的形状为 (n, d)，B 的形状为 (m, d)。返回形状为 (n, m) 的 D，
    D[i, j] = sum_k (A[i, k] - B[j, k])**2，不能使用 Python 循环
    （不能有 for/while/推导式）。每个元素都必须 >= 0。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
