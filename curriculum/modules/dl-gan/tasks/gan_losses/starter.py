import numpy as np


def gan_losses(d_real_logits, d_fake_logits):
    """Discriminator loss and non-saturating generator loss, from logits.

    d_real_logits: (n_real,) D's logits on real samples; d_fake_logits: (n_fake,) on G's samples.
    D(x) = sigmoid(logit).
    d_loss = −mean log D(real) − mean log(1 − D(fake))
    g_loss = −mean log D(fake)              (non-saturating generator loss)
    Returns (d_loss, g_loss) as floats. Must stay finite and warning-free for logits like ±100.

    由 logit 计算判别器损失和非饱和生成器损失。
    d_real_logits：(n_real,) D 在真实样本上的 logit；d_fake_logits：(n_fake,) 在 G 生成样本上的 logit。
    D(x) = sigmoid(logit)。
    d_loss = −mean log D(real) − mean log(1 − D(fake))
    g_loss = −mean log D(fake)              （非饱和的生成器损失）
    返回 (d_loss, g_loss)，均为浮点数。logit 为 ±100 这样的值时也必须有限、且不产生警告。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
