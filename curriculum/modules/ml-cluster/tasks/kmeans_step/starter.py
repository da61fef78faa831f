import numpy as np


def kmeans_step(X, C):
    """One Lloyd iteration of k-means: assign, then update.

    X: data, shape (n, d).  C: current centres, shape (k, d).
    Returns (labels, C_new):
      labels: int array, shape (n,): index of the nearest centre (squared Euclidean
              distance); on a tie, the lowest index.
      C_new:  float array, shape (k, d): the mean of the points assigned to each centre;
              a centre that receives no point keeps its old position.
    Do not modify X or C.

    k-means 的一次 Lloyd 迭代：先分配，再更新。
    X：数据，形状 (n, d)。C：当前的聚类中心，形状 (k, d)。
    返回 (labels, C_new)：
      labels：整数数组，形状 (n,)，每个点最近的中心的下标（平方欧氏距离），
              距离相同时取下标最小的那个。
      C_new：浮点数组，形状 (k, d)，每个中心所分到的点的均值；
              没有分到任何点的中心保持原来的位置。
    不要修改 X 和 C。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
