# averages over the wrong axis (each worker's own elements) instead of across the workers
import numpy as np


def allreduce_mean(grads):
    return [np.full(np.shape(g), np.mean(g) / 1.0) for g in grads]
