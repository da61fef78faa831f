import numpy as np


def bayes_posterior(prior, likelihoods):
    """Posterior over H hypotheses after independent observations, by Bayes' rule.

    用贝叶斯公式计算在若干独立观测之后，H 个假设上的后验分布。
    """
    prior = np.asarray(prior, dtype=np.float64)
    lik = np.atleast_2d(np.asarray(likelihoods, dtype=np.float64))  # (T, H)
    with np.errstate(divide="ignore"):  # log 0 = -inf is fine: exp(-inf) = 0
        log_post = np.log(prior) + np.log(lik).sum(axis=0)
    log_post = log_post - np.max(log_post)  # log-sum-exp shift: largest term becomes exp(0) = 1
    post = np.exp(log_post)
    return post / post.sum()
