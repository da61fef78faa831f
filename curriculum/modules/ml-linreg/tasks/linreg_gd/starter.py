import numpy as np


def linreg_gd(X, y, lr=0.1, n_iter=1000):
    """Fit linear regression with an intercept by batch gradient descent.

    X: (n, d) features, y: (n,) targets. Start from theta = 0 and repeat n_iter times
        theta <- theta - lr * grad J(theta),   J(theta) = (1/(2n)) * sum((Xb @ theta - y)**2)
    where Xb is X with a column of ones in front, so theta = [b, w_1, ..., w_d].
    Returns (theta, losses): theta has shape (d+1,); losses has shape (n_iter,) and
    losses[t] is J(theta) just before update t (so losses[0] = J(0)).

    用批量梯度下降拟合带截距的线性回归。
    X：(n, d) 特征，y：(n,) 目标值。从 theta = 0 开始，重复 n_iter 次
        theta <- theta - lr * grad J(theta)，  J(theta) = (1/(2n)) * sum((Xb @ theta - y)**2)
    其中 Xb 是在 X 最前面加一列 1 得到的矩阵，所以 theta = [b, w_1, ..., w_d]。
    返回 (theta, losses)：theta 形状为 (d+1,)；losses 形状为 (n_iter,)，
    losses[t] 是第 t 次更新之前的 J(theta)（因此 losses[0] = J(0)）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
