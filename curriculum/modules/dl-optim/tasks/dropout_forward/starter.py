import numpy as np


def dropout_forward(x, p, rng, train=True):
    """Inverted dropout.

    x: array of any shape.  p: probability of dropping a unit, 0 <= p < 1.
    rng: a numpy.random.Generator: draw all randomness from it.
    train: in training, zero each element with probability p and scale the kept ones by 1/(1 - p);
           in evaluation (train=False), return x unchanged.
    Returns an array with the shape of x.

    反向（inverted）dropout。
    x：任意形状的数组。p：丢弃一个单元的概率，0 <= p < 1。
    rng：numpy.random.Generator，所有随机数都从它取。
    train：训练时，每个元素以概率 p 置零，保留下来的元素乘以 1/(1 - p)；
           评估时（train=False），原样返回 x。
    返回与 x 形状相同的数组。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
