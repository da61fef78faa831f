# returns the same mean array K times ([mean] * K), so the workers share one buffer
import numpy as np


def allreduce_mean(grads):
    mean = sum(np.asarray(g, dtype=np.float64) / len(grads) for g in grads)
    return [mean] * len(grads)
