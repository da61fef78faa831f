import numpy as np


def _softplus(x):
    # log(1 + e^x) without overflow
    return np.logaddexp(0.0, x)


def gan_losses(d_real_logits, d_fake_logits):
    """Discriminator loss and non-saturating generator loss, from logits.

    由 logit 计算判别器损失和非饱和生成器损失。
    """
    r = np.asarray(d_real_logits, dtype=np.float64)
    f = np.asarray(d_fake_logits, dtype=np.float64)
    d_loss = _softplus(-r).mean() + _softplus(f).mean()   # −log σ(r), −log(1 − σ(f))
    g_loss = _softplus(-f).mean()                         # −log σ(f)
    return float(d_loss), float(g_loss)
