import numpy as np


def softmax(z, axis=-1):
    """Softmax of z along `axis`: exp(z_k) / Σ_j exp(z_j), stable for very large logits.

    z: array of any shape; returns float64 values of the same shape that are positive and
    sum to 1 along `axis`. Adding the same constant to every logit must not change the result
    and must not overflow (e.g. logits around 1000), even when the rows of a batch differ a lot.
    Do not modify z.

    沿 `axis` 计算 z 的 softmax：exp(z_k) / Σ_j exp(z_j)，对很大的 logit 也要数值稳定。
    z：任意形状的数组；返回同样形状的 float64 结果，沿 `axis` 全为正且和为 1。
    给所有 logit 加同一个常数不应改变结果，也不能溢出（例如 logit 在 1000 左右），批数据各行大小相差悬殊时也一样。
    不要修改 z。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
