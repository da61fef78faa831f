import numpy as np


def allreduce_mean(grads):
    """Simulate an all-reduce that averages one gradient array per worker.

    grads: a list of K NumPy arrays of the same shape (worker k's gradient).
    Returns a list of K new arrays; every one holds the element-wise mean of
    all K inputs. The inputs must not be modified, and the K outputs must be
    independent copies (changing one must not change another).

    模拟一次求平均的 all-reduce：每个 worker 给出一个梯度数组。
    grads：K 个形状相同的 NumPy 数组组成的列表（第 k 个是 worker k 的梯度）。
    返回 K 个新数组组成的列表，每一个都等于 K 个输入的逐元素平均值。
    不要修改输入；K 个输出必须是互相独立的副本（改动其中一个不影响其他）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
