import numpy as np


def cross_entropy(logits, y):
    """Mean cross-entropy of softmax(logits) against integer labels, computed via log-sum-exp.

    logits: (n, K) array of scores; y: (n,) integer class labels in 0 … K−1.
    Returns the float  −(1/n) · Σ_i log softmax(logits_i)[y_i].
    Must stay finite and warning-free for logits of size ±1000, also when the rows of a batch differ a lot
    (take the maximum of each row).

    用 log-sum-exp 计算 softmax(logits) 相对整数标签的平均交叉熵。
    logits：(n, K) 的打分；y：(n,) 的整数类别标签，取值 0 … K−1。
    返回浮点数 −(1/n) · Σ_i log softmax(logits_i)[y_i]。
    logit 大小为 ±1000 时结果也必须有限、且不产生警告，批数据各行大小相差悬殊时也一样（取每一行的最大值）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
