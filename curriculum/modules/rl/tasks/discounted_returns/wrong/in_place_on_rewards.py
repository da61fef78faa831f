# accumulates the returns in the caller's rewards array (rewards[t] += gamma * rewards[t+1]) and returns it
import numpy as np


def discounted_returns(rewards, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    for t in range(len(rewards) - 2, -1, -1):
        rewards[t] += gamma * rewards[t + 1]
    return rewards
