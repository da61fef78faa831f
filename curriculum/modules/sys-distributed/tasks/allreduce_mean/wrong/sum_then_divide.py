# sums first and divides afterwards (np.mean of the stack): the sum of two 1e308 gradients overflows to inf
import numpy as np


def allreduce_mean(grads):
    mean = np.mean(np.stack([np.asarray(g, dtype=np.float64) for g in grads]), axis=0)
    return [mean.copy() for _ in grads]
