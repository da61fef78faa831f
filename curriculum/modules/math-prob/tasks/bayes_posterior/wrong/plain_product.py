# multiplies the likelihoods directly: with hundreds of observations the product underflows to 0 and 0/0 gives NaN
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=np.float64)
    lik = np.atleast_2d(np.asarray(likelihoods, dtype=np.float64))
    unnorm = prior * np.prod(lik, axis=0)
    return unnorm / unnorm.sum()
