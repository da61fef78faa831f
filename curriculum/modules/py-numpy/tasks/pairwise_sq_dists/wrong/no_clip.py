# uses the expansion ‖a‖² + ‖b‖² − 2a·b without clipping: rounding leaves negative "squared distances" for nearby points far from the origin
import numpy as np


def pairwise_sq_dists(A, B):
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    return (A ** 2).sum(axis=1)[:, None] + (B ** 2).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
