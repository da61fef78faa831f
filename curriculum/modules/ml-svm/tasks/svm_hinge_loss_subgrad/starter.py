import numpy as np


def svm_hinge_loss_subgrad(w, b, X, y, lam):
    """Soft-margin linear SVM objective and a subgradient.

    w: (d,) weights, b: float bias, X: (n, d) inputs, y: (n,) labels in {−1, +1}, lam: λ ≥ 0.
    With margins m_i = y_i · (w·x_i + b):
        loss = (1/n) · Σ_i max(0, 1 − m_i) + (λ/2) · ‖w‖²
        dw   = λ·w − (1/n) · Σ_{i: m_i < 1} y_i·x_i
        db   =     − (1/n) · Σ_{i: m_i < 1} y_i
    (an example with m_i exactly 1 counts as not violating: it adds nothing to loss, dw or db).
    Returns (loss, dw, db): a float, an array of shape (d,), a float.

    软间隔线性 SVM 的目标函数及其一个次梯度。
    w：(d,) 权重；b：浮点数偏置；X：(n, d) 输入；y：(n,) 标签，取值 −1 或 +1；lam：λ ≥ 0。
    记间隔 m_i = y_i · (w·x_i + b)：
        loss = (1/n) · Σ_i max(0, 1 − m_i) + (λ/2) · ‖w‖²
        dw   = λ·w − (1/n) · Σ_{i: m_i < 1} y_i·x_i
        db   =     − (1/n) · Σ_{i: m_i < 1} y_i
    （m_i 恰好等于 1 的样本不算违反间隔：它对 loss、dw、db 都没有贡献。）
    返回 (loss, dw, db)：一个浮点数、一个形状为 (d,) 的数组、一个浮点数。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
