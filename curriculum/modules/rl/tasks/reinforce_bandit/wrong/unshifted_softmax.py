# computes softmax as exp(theta) / sum(exp(theta)) without subtracting the max, so large logits overflow to nan
import numpy as np


def reinforce_grad(theta, actions, rewards, baseline=0.0):
    theta = np.asarray(theta, dtype=np.float64)
    pi = np.exp(theta) / np.exp(theta).sum()
    onehot = np.eye(theta.shape[0])[np.asarray(actions)]
    w = np.asarray(rewards, dtype=np.float64) - baseline
    return (w[:, None] * (onehot - pi)).mean(axis=0)
