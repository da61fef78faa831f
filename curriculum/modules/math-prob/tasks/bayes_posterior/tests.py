import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def test_disease_example(m):
    """1% prevalence, 99% sensitivity, 5% false positives: P(sick | +) = 1/6"""
    post = m.bayes_posterior(np.array([0.01, 0.99]), np.array([0.99, 0.05]))
    assert_close(post, [1 / 6, 5 / 6], what="posterior [sick, healthy]")


def test_is_a_distribution(m):
    """the posterior has shape (H,), is non-negative and sums to 1"""
    r = rng(0)
    prior = r.dirichlet(np.ones(5))
    lik = r.uniform(0.05, 1.0, size=(3, 5))
    post = m.bayes_posterior(prior, lik)
    assert_shape(post, (5,), what="posterior")
    assert_true(np.all(np.asarray(post) >= 0), "the posterior has negative entries")
    assert_close(np.sum(post), 1.0, what="sum of the posterior")


def test_uniform_prior(m):
    """with a uniform prior the posterior is the normalised likelihood"""
    lik = np.array([0.2, 0.6, 0.2])
    assert_close(m.bayes_posterior(np.ones(3) / 3, lik), [0.2, 0.6, 0.2])


def test_sequential_equals_batch(m):
    """updating on two observations one after the other equals updating on both at once"""
    r = rng(1)
    prior = r.dirichlet(np.ones(4))
    lik = r.uniform(0.1, 1.0, size=(2, 4))
    step = m.bayes_posterior(m.bayes_posterior(prior, lik[0]), lik[1])
    assert_close(m.bayes_posterior(prior, lik), step, what="batch posterior")


def test_second_positive_test(m):
    """two positive tests in the disease example: P(sick | +, +) = 0.0099·0.99 / (0.0099·0.99 + 0.0495·0.05)"""
    lik = np.array([[0.99, 0.05], [0.99, 0.05]])
    sick = 0.0099 * 0.99 / (0.0099 * 0.99 + 0.0495 * 0.05)
    assert_close(m.bayes_posterior(np.array([0.01, 0.99]), lik), [sick, 1 - sick], what="posterior")


def test_zero_prior_stays_zero(m):
    """a hypothesis with prior 0 keeps posterior 0"""
    post = m.bayes_posterior(np.array([0.0, 0.5, 0.5]), np.array([0.9, 0.3, 0.1]))
    assert_close(post, [0.0, 0.75, 0.25], what="posterior")


def test_many_observations_no_underflow(m):
    """1000 observations (likelihoods 0.01 vs 0.02): no NaN, no warning, posterior ≈ [0, 1]"""
    lik = np.tile([0.01, 0.02], (1000, 1))
    with no_warnings("bayes_posterior"):
        post = m.bayes_posterior(np.array([0.5, 0.5]), lik)
    p0 = 1.0 / (1.0 + 2.0 ** 1000)
    assert_close(post, [p0, 1.0 - p0], rtol=1e-6, atol=1e-12, what="posterior after 1000 observations")
