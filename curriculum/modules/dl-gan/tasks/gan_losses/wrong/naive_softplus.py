# softplus written as np.log(1 + np.exp(x)): np.exp overflows to inf at a logit of 1000
import numpy as np


def gan_losses(d_real_logits, d_fake_logits):
    r = np.asarray(d_real_logits, dtype=np.float64)
    f = np.asarray(d_fake_logits, dtype=np.float64)
    sp = lambda x: np.log(1.0 + np.exp(x))
    d_loss = sp(-r).mean() + sp(f).mean()
    g_loss = sp(-f).mean()
    return float(d_loss), float(g_loss)
