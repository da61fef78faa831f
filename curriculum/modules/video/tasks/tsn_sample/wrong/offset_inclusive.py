# draws the offset from 0 .. avg (inclusive), so an index can land on the first frame of the next segment
import numpy as np


def tsn_sample(num_frames, k, train, rng=None):
    if k < 1 or num_frames < k:
        raise ValueError("bad k")
    if train:
        avg = num_frames // k
        return np.arange(k) * avg + rng.integers(0, avg + 1, size=k)
    tick = num_frames / k
    return np.array([int(tick / 2 + tick * i) for i in range(k)])
