import numpy as np


def tsn_sample(num_frames, k, train, rng=None):
    """Pick one frame index per segment, as TSN does.

    Split the frames 0 .. num_frames - 1 into k segments and return k frame
    indices, one per segment, as a NumPy integer array of shape (k,).
    train=True: every segment has avg = num_frames // k frames; segment i
        covers i*avg .. (i+1)*avg - 1 and its index is i*avg plus an offset
        drawn uniformly from 0 .. avg - 1 with rng.integers.
    train=False: tick = num_frames / k; index i is int(tick / 2 + tick * i),
        the centre of segment i (no randomness; rng is not used).
    Raise ValueError if k < 1 or num_frames < k.

    像 TSN 那样，每段选一帧的下标。
    把第 0 .. num_frames - 1 帧分成 k 段，返回 k 个帧下标（每段一个），
    形状为 (k,) 的 NumPy 整数数组。
    train=True：每段有 avg = num_frames // k 帧；第 i 段覆盖 i*avg .. (i+1)*avg - 1，
        下标为 i*avg 加上用 rng.integers 在 0 .. avg - 1 中均匀抽取的偏移。
    train=False：tick = num_frames / k；第 i 个下标为 int(tick / 2 + tick * i)，
        即第 i 段的中心（没有随机性，不使用 rng）。
    k < 1 或 num_frames < k 时抛出 ValueError。
    """
    if k < 1 or num_frames < k:
        raise ValueError("need 1 <= k <= num_frames, got k=%r, num_frames=%r" % (k, num_frames))
    if train:
        avg = num_frames // k                               # frames per segment (the rest is never sampled)
        starts = np.arange(k) * avg
        return starts + rng.integers(0, avg, size=k)        # one uniform offset inside each segment
    tick = num_frames / k
    return np.array([int(tick / 2 + tick * i) for i in range(k)], dtype=np.int64)
