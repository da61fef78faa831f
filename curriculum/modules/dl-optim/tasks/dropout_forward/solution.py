import numpy as np


def dropout_forward(x, p, rng, train=True):
    """Inverted dropout: scale kept units by 1/(1-p) in training; identity in evaluation.

    反向 dropout：训练时保留的单元乘以 1/(1-p)；评估时不做任何改变。
    """
    x = np.asarray(x, dtype=np.float64)
    if not train or p == 0:
        return x.copy()
    keep = rng.random(x.shape) >= p          # each unit kept with probability 1 - p
    return np.where(keep, x / (1.0 - p), 0.0)
