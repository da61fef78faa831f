import numpy as np


def logreg_loss_grad(w, X, y):
    """Mean logistic (cross-entropy) loss and its gradient.

    w: (d,) weights, X: (n, d) features (add a column of ones yourself if you want a bias),
    y: (n,) labels in {0, 1}. With z = X @ w and p = σ(z):
        loss = −(1/n) · Σ [ y·log p + (1 − y)·log(1 − p) ]
        grad = (1/n) · Xᵀ (p − y)
    Returns (loss, grad): a float and an array of shape (d,).
    Must stay finite and warning-free when |z| is in the thousands.

    平均逻辑损失（交叉熵）及其梯度。
    w：(d,) 权重；X：(n, d) 特征（需要偏置的话自己加一列 1）；y：(n,) 取值为 0 或 1 的标签。
    记 z = X @ w，p = σ(z)：
        loss = −(1/n) · Σ [ y·log p + (1 − y)·log(1 − p) ]
        grad = (1/n) · Xᵀ (p − y)
    返回 (loss, grad)：一个浮点数和一个形状为 (d,) 的数组。
    |z| 达到几千时结果也必须有限，且不能产生警告。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
