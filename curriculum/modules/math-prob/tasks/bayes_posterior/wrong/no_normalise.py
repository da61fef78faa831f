# returns exp(log posterior − max) without dividing by its sum: the largest entry is 1, and the result does not sum to 1
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=np.float64)
    lik = np.atleast_2d(np.asarray(likelihoods, dtype=np.float64))
    with np.errstate(divide="ignore"):
        log_post = np.log(prior) + np.log(lik).sum(axis=0)
    return np.exp(log_post - np.max(log_post))
