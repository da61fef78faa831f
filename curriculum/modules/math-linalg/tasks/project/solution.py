import numpy as np


def project(x, U):
    """Orthogonal projection of x onto the subspace spanned by the columns of U.

    把 x 正交投影到由 U 的各列张成的子空间上。
    """
    x = np.asarray(x, dtype=np.float64)
    U = np.asarray(U, dtype=np.float64)
    # coordinates in the basis U, then back to R^d; works for (d,) and (n, d)
    return (x @ U) @ U.T
