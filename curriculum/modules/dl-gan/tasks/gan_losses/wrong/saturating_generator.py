# the generator minimises mean log(1 − D(G(z))) (the saturating form) instead of −mean log D(G(z))
import numpy as np


def gan_losses(d_real_logits, d_fake_logits):
    r = np.asarray(d_real_logits, dtype=np.float64)
    f = np.asarray(d_fake_logits, dtype=np.float64)
    d_loss = np.logaddexp(0.0, -r).mean() + np.logaddexp(0.0, f).mean()
    g_loss = -np.logaddexp(0.0, f).mean()
    return float(d_loss), float(g_loss)
