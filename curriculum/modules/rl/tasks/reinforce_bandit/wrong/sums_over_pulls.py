# sums the per-pull terms instead of averaging them, so the estimate grows with the number of pulls
import numpy as np


def reinforce_grad(theta, actions, rewards, baseline=0.0):
    theta = np.asarray(theta, dtype=np.float64)
    z = theta - theta.max()
    pi = np.exp(z) / np.exp(z).sum()
    onehot = np.eye(theta.shape[0])[np.asarray(actions)]
    w = np.asarray(rewards, dtype=np.float64) - baseline
    return (w[:, None] * (onehot - pi)).sum(axis=0)
