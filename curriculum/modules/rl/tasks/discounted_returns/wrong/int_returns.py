# fills np.zeros_like(rewards): integer rewards (e.g. [1, 1, 1]) make an integer array and truncate the returns
import numpy as np


def discounted_returns(rewards, gamma):
    rewards = np.asarray(rewards)
    G = np.zeros_like(rewards)
    running = 0.0
    for t in range(len(rewards) - 1, -1, -1):
        running = rewards[t] + gamma * running
        G[t] = running
    return G
