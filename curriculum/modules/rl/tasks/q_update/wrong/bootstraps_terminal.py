# ignores done and always bootstraps from s2, even after the episode has ended
import numpy as np


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    Q_new = np.array(Q, dtype=np.float64, copy=True)
    target = r + gamma * np.max(Q_new[s2])
    Q_new[s, a] += alpha * (target - Q_new[s, a])
    return Q_new
