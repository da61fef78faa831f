# sums the log-likelihoods over axis 1 (over the hypotheses) instead of axis 0 (over the observations)
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=np.float64)
    lik = np.atleast_2d(np.asarray(likelihoods, dtype=np.float64))
    with np.errstate(divide="ignore"):
        log_post = np.log(prior) + np.log(lik).sum(axis=1, keepdims=True)
    log_post = log_post - log_post.max()
    post = np.exp(log_post)
    return post / post.sum()
