import numpy as np


def proto_classify(S, yS, Q):
    """Classify queries by their nearest class prototype (Prototypical Networks).

    S:  (n_support, D) support embeddings; yS: (n_support,) their class labels
    (any integers, not necessarily 0..N-1); Q: (n_query, D) query embeddings.
    The classes are np.unique(yS) (sorted). The prototype of a class is the mean
    of its support embeddings; the score of a class is minus the squared
    Euclidean distance from the query to its prototype.
    Returns (pred, probs): pred (n_query,) the predicted labels (values from yS);
    probs (n_query, N) the softmax of the scores, columns in sorted class order.

    用原型网络的方法给查询样本分类。
    S：(n_support, D) 支持集嵌入；yS：(n_support,) 对应的类别标签（任意整数，
    不一定是 0..N-1）；Q：(n_query, D) 查询样本嵌入。
    类别为 np.unique(yS)（已排序）。每类的原型是该类支持嵌入的均值；
    某类的得分是查询点到该原型的平方欧氏距离的相反数。
    返回 (pred, probs)：pred (n_query,) 预测的标签（取自 yS 中的值）；
    probs (n_query, N) 得分的 softmax，列按排好序的类别排列。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
