# starts with G[-1] = rewards[-1] without checking for an empty episode (IndexError)
import numpy as np


def discounted_returns(rewards, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    G = np.zeros_like(rewards)
    G[-1] = rewards[-1]
    for t in range(len(rewards) - 2, -1, -1):
        G[t] = rewards[t] + gamma * G[t + 1]
    return G
