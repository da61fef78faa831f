import numpy as np


def allreduce_mean(grads):
    """Simulate an all-reduce that averages one gradient array per worker.

    模拟一次求平均的 all-reduce：每个 worker 给出一个梯度数组。
    """
    if len(grads) == 0:
        raise ValueError("allreduce_mean needs at least one worker")
    arrays = [np.asarray(g, dtype=np.float64) for g in grads]
    shape = arrays[0].shape
    for a in arrays:
        if a.shape != shape:
            raise ValueError("all gradients must have the same shape")
    K = len(arrays)
    mean = np.zeros(shape, dtype=np.float64)
    for a in arrays:          # the "reduce" (sum) part; dividing first keeps the sum from overflowing
        mean = mean + a / K
    return [mean.copy() for _ in arrays]   # the "all" part: everyone gets a copy
