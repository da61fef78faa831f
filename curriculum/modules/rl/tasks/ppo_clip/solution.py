import numpy as np


def ppo_clip(logp_new, logp_old, adv, eps=0.2):
    """PPO's clipped surrogate objective and its gradient w.r.t. logp_new.

    logp_new, logp_old, adv: arrays of shape (N,) -- the log-probability of each
    sampled action under the new and the old policy, and its advantage.
    With ratio = exp(logp_new - logp_old), return (objective, grad):
        objective = mean(min(ratio * adv, clip(ratio, 1 - eps, 1 + eps) * adv))
        grad      = d objective / d logp_new, an array of shape (N,)

    PPO 的截断代理目标及其对 logp_new 的梯度。
    logp_new、logp_old、adv：形状为 (N,) 的数组——每个采样动作在新、旧策略下的
    对数概率，以及它的优势。记 ratio = exp(logp_new - logp_old)，返回 (objective, grad)：
        objective = mean(min(ratio * adv, clip(ratio, 1 - eps, 1 + eps) * adv))
        grad      = objective 对 logp_new 的导数，形状为 (N,) 的数组
    """
    logp_new = np.asarray(logp_new, dtype=np.float64)
    logp_old = np.asarray(logp_old, dtype=np.float64)
    adv = np.asarray(adv, dtype=np.float64)
    n = logp_new.shape[0]
    ratio = np.exp(logp_new - logp_old)
    unclipped = ratio * adv
    clipped = np.clip(ratio, 1.0 - eps, 1.0 + eps) * adv
    objective = float(np.minimum(unclipped, clipped).mean())
    # where the min picks the unclipped term, d(ratio * adv)/d logp_new = ratio * adv;
    # where it picks the clipped (constant) term, the gradient is 0
    grad = np.where(unclipped <= clipped, unclipped, 0.0) / n
    return objective, grad
