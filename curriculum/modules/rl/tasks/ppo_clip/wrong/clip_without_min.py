# uses clip(ratio) * adv alone, without the min, so a bad action whose ratio grew keeps its gain clipped away
import numpy as np


def ppo_clip(logp_new, logp_old, adv, eps=0.2):
    logp_new = np.asarray(logp_new, dtype=np.float64)
    logp_old = np.asarray(logp_old, dtype=np.float64)
    adv = np.asarray(adv, dtype=np.float64)
    n = logp_new.shape[0]
    ratio = np.exp(logp_new - logp_old)
    inside = (ratio > 1.0 - eps) & (ratio < 1.0 + eps)
    objective = float((np.clip(ratio, 1.0 - eps, 1.0 + eps) * adv).mean())
    grad = np.where(inside, ratio * adv, 0.0) / n
    return objective, grad
