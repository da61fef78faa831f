# vectorises with gamma**(-t): the reversed cumsum of r * gamma**t divided by gamma**t overflows on a long episode
import numpy as np


def discounted_returns(rewards, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    if gamma == 0:
        return rewards.copy()
    p = gamma ** np.arange(len(rewards))
    return np.cumsum((rewards * p)[::-1])[::-1] / p
