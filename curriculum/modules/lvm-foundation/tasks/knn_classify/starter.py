import numpy as np


def knn_classify(train_feats, train_labels, test_feats, k):
    """k-nearest-neighbour classification on frozen features, by cosine similarity.

    train_feats: (N, D) floats; train_labels: (N,) non-negative ints;
    test_feats: (M, D) floats; k: number of neighbours (1 <= k <= N).
    For every test vector, find the k training vectors with the highest cosine
    similarity and return the majority label among them; break a tie in votes
    by the smallest label. Returns an int array of shape (M,).
    Zero vectors must not produce NaN or warnings (treat their similarity as 0).

    在冻结特征上按余弦相似度做 k 近邻分类。
    train_feats：(N, D) 浮点数；train_labels：(N,) 非负整数；
    test_feats：(M, D) 浮点数；k：近邻个数（1 <= k <= N）。
    对每个测试向量，找出余弦相似度最高的 k 个训练向量，返回其中票数最多的标签；
    票数相同时取较小的标签。返回形状为 (M,) 的整数数组。
    零向量不能产生 NaN 或警告（把它们的相似度当作 0）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
