import numpy as np


def reinforce_grad(theta, actions, rewards, baseline=0.0):
    """REINFORCE's gradient estimate for a softmax policy on a bandit.

    theta: logits, shape (K,); the policy is pi = softmax(theta).
    actions: the arms pulled, integers in [0, K), shape (N,).
    rewards: the reward of each pull, shape (N,).
    baseline: a number subtracted from every reward.
    Return the mean over the N pulls of
        (reward - baseline) * grad_theta log pi(action),
    an array of shape (K,). Large logits must not overflow.

    老虎机上 softmax 策略的 REINFORCE 梯度估计。
    theta：logit，形状 (K,)；策略 pi = softmax(theta)。
    actions：拉过的臂，取值在 [0, K) 的整数，形状 (N,)。
    rewards：每次拉臂得到的奖励，形状 (N,)。
    baseline：从每个奖励中减去的数。
    返回 N 次拉臂上 (reward - baseline) * grad_theta log pi(action) 的平均值，
    形状 (K,)。很大的 logit 也不能溢出。
    """
    theta = np.asarray(theta, dtype=np.float64)
    actions = np.asarray(actions, dtype=np.int64)
    rewards = np.asarray(rewards, dtype=np.float64)
    z = theta - theta.max()            # shift: softmax is unchanged, exp cannot overflow
    pi = np.exp(z) / np.exp(z).sum()
    onehot = np.eye(theta.shape[0])[actions]           # (N, K)
    grad_logp = onehot - pi                            # d log pi(a) / d theta, row per pull
    weights = rewards - baseline                       # (N,)
    return (weights[:, None] * grad_logp).mean(axis=0)
