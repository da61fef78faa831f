import numpy as np


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    """One tabular Q-learning update; returns a new table.

    Q has shape (n_states, n_actions). Return a copy of Q in which only
    Q[s, a] has moved towards the target
        r + gamma * max_a' Q[s2, a']   (or just r when done is True)
    by a step of size alpha. Do not modify the Q that was passed in.

    一次表格型 Q-learning 更新，返回一张新表。
    Q 的形状为 (状态数, 动作数)。返回 Q 的副本，其中只有 Q[s, a] 以步长 alpha
    向目标值  r + gamma * max_a' Q[s2, a']（done 为 True 时目标就是 r）靠近。
    不要修改传入的 Q。
    """
    Q_new = np.array(Q, dtype=np.float64, copy=True)
    # a terminal transition has no future: do not bootstrap from s2
    target = r if done else r + gamma * np.max(Q_new[s2])
    Q_new[s, a] += alpha * (target - Q_new[s, a])
    return Q_new
