# copies Q with np.array(Q), keeping its dtype: an integer table truncates the updated value
import numpy as np


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    Q_new = np.array(Q)
    target = r if done else r + gamma * np.max(Q_new[s2])
    Q_new[s, a] += alpha * (target - Q_new[s, a])
    return Q_new
