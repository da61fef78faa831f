# takes the max over the column Q[:, s2] (wrong axis) instead of the row of next-state values Q[s2]
import numpy as np


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    Q_new = np.array(Q, dtype=np.float64, copy=True)
    target = r if done else r + gamma * np.max(Q_new[:, s2])
    Q_new[s, a] += alpha * (target - Q_new[s, a])
    return Q_new
