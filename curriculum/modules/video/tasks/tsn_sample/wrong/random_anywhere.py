# draws k sorted frames anywhere in the video instead of one inside each segment
import numpy as np


def tsn_sample(num_frames, k, train, rng=None):
    if k < 1 or num_frames < k:
        raise ValueError("bad k")
    if train:
        return np.sort(rng.choice(num_frames, size=k, replace=False))
    tick = num_frames / k
    return np.array([int(tick / 2 + tick * i) for i in range(k)])
