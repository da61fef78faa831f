# shrinks Q[s, a] first and computes the target afterwards, so a self-loop (s2 == s) sees the new value
import numpy as np


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    Q_new = np.array(Q, dtype=np.float64, copy=True)
    Q_new[s, a] *= 1 - alpha
    target = r if done else r + gamma * np.max(Q_new[s2])
    Q_new[s, a] += alpha * target
    return Q_new
