import numpy as np


def bayes_posterior(prior, likelihoods):
    """Posterior over H hypotheses after independent observations, by Bayes' rule.

    prior: shape (H,), non-negative, sums to 1.
    likelihoods: shape (H,) for one observation, or (T, H) for T independent
        observations; likelihoods[t, h] = P(observation t | hypothesis h).
    Return the posterior, shape (H,), summing to 1. It must stay correct for
    hundreds of observations, where the plain product underflows to 0.

    用贝叶斯公式计算在若干独立观测之后，H 个假设上的后验分布。
    prior：形状 (H,)，非负，和为 1。
    likelihoods：单个观测时形状为 (H,)，T 个独立观测时为 (T, H)；
        likelihoods[t, h] = P(第 t 个观测 | 假设 h)。
    返回形状为 (H,)、和为 1 的后验。观测有几百个、直接连乘会下溢为 0 时也必须算对。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
