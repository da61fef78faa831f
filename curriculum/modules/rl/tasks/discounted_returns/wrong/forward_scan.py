# scans forwards, G[t] = r[t] + gamma * G[t-1]: it discounts the past instead of the future
import numpy as np


def discounted_returns(rewards, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    G = np.zeros_like(rewards)
    running = 0.0
    for t in range(len(rewards)):
        running = rewards[t] + gamma * running
        G[t] = running
    return G
