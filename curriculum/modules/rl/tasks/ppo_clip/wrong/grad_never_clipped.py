# gets the objective right but returns ratio * adv / N as the gradient everywhere, as if clipping never stopped it
import numpy as np


def ppo_clip(logp_new, logp_old, adv, eps=0.2):
    logp_new = np.asarray(logp_new, dtype=np.float64)
    logp_old = np.asarray(logp_old, dtype=np.float64)
    adv = np.asarray(adv, dtype=np.float64)
    n = logp_new.shape[0]
    ratio = np.exp(logp_new - logp_old)
    unclipped = ratio * adv
    clipped = np.clip(ratio, 1.0 - eps, 1.0 + eps) * adv
    objective = float(np.minimum(unclipped, clipped).mean())
    grad = unclipped / n
    return objective, grad
