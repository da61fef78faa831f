# uses the gradient of pi(a) itself, pi(a) * (onehot(a) - pi), instead of the gradient of log pi(a)
import numpy as np


def reinforce_grad(theta, actions, rewards, baseline=0.0):
    theta = np.asarray(theta, dtype=np.float64)
    actions = np.asarray(actions)
    z = theta - theta.max()
    pi = np.exp(z) / np.exp(z).sum()
    onehot = np.eye(theta.shape[0])[actions]
    w = np.asarray(rewards, dtype=np.float64) - baseline
    return (w[:, None] * pi[actions][:, None] * (onehot - pi)).mean(axis=0)
