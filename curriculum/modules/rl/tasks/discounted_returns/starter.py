import numpy as np


def discounted_returns(rewards, gamma):
    """Discounted return G_t for every step of one episode.

    rewards[t] is the reward received after the action at step t.
    Return an array G of the same length with
        G[t] = rewards[t] + gamma * rewards[t+1] + gamma**2 * rewards[t+2] + ...
    (the episode ends after the last reward).

    计算一个回合中每一步的折扣回报 G_t。
    rewards[t] 是第 t 步执行动作后得到的奖励。返回同样长度的数组 G：
        G[t] = rewards[t] + gamma * rewards[t+1] + gamma**2 * rewards[t+2] + ...
    （最后一个奖励之后回合结束）。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
