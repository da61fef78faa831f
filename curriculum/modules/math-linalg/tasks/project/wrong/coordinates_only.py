# returns the coordinates Uᵀx in the basis (shape (k,)) instead of mapping them back to the projection U Uᵀx
import numpy as np


def project(x, U):
    x = np.asarray(x, dtype=np.float64)
    U = np.asarray(U, dtype=np.float64)
    return x @ U
