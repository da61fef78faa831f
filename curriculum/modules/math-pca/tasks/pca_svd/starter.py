import numpy as np


def pca_svd(X, k):
    """PCA of the rows of X via the SVD of the centred data.

    X: shape (n, d), one example per row. k: number of components (1 <= k <= min(n, d)).
    Centre X (subtract the column means; do not scale), then return a tuple
    (components, explained_var, Z):
      components    shape (k, d): the top-k right singular vectors, one per row
      explained_var shape (k,):   S[:k]**2 / (n - 1), largest first
      Z             shape (n, k): the centred data projected onto the components
    Do not modify X.

    用中心化数据的 SVD 对 X 的各行做 PCA。
    X：形状 (n, d)，每行一个样本。k：主成分个数（1 <= k <= min(n, d)）。
    先对 X 中心化（减去各列均值，不做缩放），再返回元组 (components, explained_var, Z)：
      components    形状 (k, d)：前 k 个右奇异向量，每行一个
      explained_var 形状 (k,)：S[:k]**2 / (n - 1)，从大到小
      Z             形状 (n, k)：中心化数据在各主成分上的投影
    不要修改 X。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
