# uses NumPy's global random state (np.random.randint) instead of the rng it is given, so a seed does not reproduce it
import numpy as np


def tsn_sample(num_frames, k, train, rng=None):
    if k < 1 or num_frames < k:
        raise ValueError("bad k")
    if train:
        avg = num_frames // k
        return np.arange(k) * avg + np.random.randint(0, avg, size=k)
    tick = num_frames / k
    return np.array([int(tick / 2 + tick * i) for i in range(k)])
