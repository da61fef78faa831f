# updates the caller's Q in place and returns it, instead of a new table
import numpy as np


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    target = r if done else r + gamma * np.max(Q[s2])
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
