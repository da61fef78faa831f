# takes grad log pi(a) to be onehot(a), forgetting the "- pi" from the softmax's normaliser
import numpy as np


def reinforce_grad(theta, actions, rewards, baseline=0.0):
    theta = np.asarray(theta, dtype=np.float64)
    onehot = np.eye(theta.shape[0])[np.asarray(actions)]
    w = np.asarray(rewards, dtype=np.float64) - baseline
    return (w[:, None] * onehot).mean(axis=0)
