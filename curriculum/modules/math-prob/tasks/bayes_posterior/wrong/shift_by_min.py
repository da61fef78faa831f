# shifts the log values by their smallest finite value instead of the largest: exp overflows when the hypotheses differ a lot
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=np.float64)
    lik = np.atleast_2d(np.asarray(likelihoods, dtype=np.float64))
    with np.errstate(divide="ignore"):
        log_post = np.log(prior) + np.log(lik).sum(axis=0)
    log_post = log_post - np.min(log_post[np.isfinite(log_post)])
    post = np.exp(log_post)
    return post / post.sum()
