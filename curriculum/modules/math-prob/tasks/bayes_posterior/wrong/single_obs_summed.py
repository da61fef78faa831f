# sums the log-likelihoods over axis 0 without np.atleast_2d: a single observation of shape (H,) collapses to one number and the posterior equals the prior
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=np.float64)
    lik = np.asarray(likelihoods, dtype=np.float64)
    with np.errstate(divide="ignore"):
        log_post = np.log(prior) + np.log(lik).sum(axis=0)
    log_post = log_post - np.max(log_post)
    post = np.exp(log_post)
    return post / post.sum()
