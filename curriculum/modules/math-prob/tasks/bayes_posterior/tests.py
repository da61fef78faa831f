import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_disease_example(m):
    """1% prevalence, 99% sensitivity, 5% false positives: P(sick | +) = 1/6
    zh: 患病率 1%、灵敏度 99%、假阳性率 5%：P(患病 | +) = 1/6"""
    post = m.bayes_posterior(np.array([0.01, 0.99]), np.array([0.99, 0.05]))
    assert_close(post, [1 / 6, 5 / 6], what=tr("posterior [sick, healthy]", "后验 [患病, 健康]"))


def test_is_a_distribution(m):
    """the posterior has shape (H,), is non-negative and sums to 1
    zh: 后验的形状是 (H,)，没有负数，且总和为 1"""
    r = rng(0)
    prior = r.dirichlet(np.ones(5))
    lik = r.uniform(0.05, 1.0, size=(3, 5))
    post = m.bayes_posterior(prior, lik)
    assert_shape(post, (5,), what=tr("posterior", "后验"))
    assert_true(np.all(np.asarray(post) >= 0), tr("the posterior has negative entries", "后验里出现了负数"))
    assert_close(np.sum(post), 1.0, what=tr("sum of the posterior", "后验之和"))


def test_uniform_prior(m):
    """with a uniform prior the posterior is the normalised likelihood
    zh: 先验均匀时，后验就是归一化后的似然"""
    lik = np.array([0.2, 0.6, 0.2])
    assert_close(m.bayes_posterior(np.ones(3) / 3, lik), [0.2, 0.6, 0.2])


def test_sequential_equals_batch(m):
    """updating on two observations one after the other equals updating on both at once
    zh: 依次用两个观测更新，与一次性用两个观测更新，结果相同"""
    r = rng(1)
    prior = r.dirichlet(np.ones(4))
    lik = r.uniform(0.1, 1.0, size=(2, 4))
    step = m.bayes_posterior(m.bayes_posterior(prior, lik[0]), lik[1])
    assert_close(m.bayes_posterior(prior, lik), step, what=tr("batch posterior", "一次性更新得到的后验"))


def test_second_positive_test(m):
    """two positive tests in the disease example: P(sick | +, +) = 0.0099·0.99 / (0.0099·0.99 + 0.0495·0.05)
    zh: 疾病例子中两次检测都呈阳性：P(患病 | +, +) = 0.0099·0.99 / (0.0099·0.99 + 0.0495·0.05)"""
    lik = np.array([[0.99, 0.05], [0.99, 0.05]])
    sick = 0.0099 * 0.99 / (0.0099 * 0.99 + 0.0495 * 0.05)
    assert_close(m.bayes_posterior(np.array([0.01, 0.99]), lik), [sick, 1 - sick], what=tr("posterior", "后验"))


def test_zero_prior_stays_zero(m):
    """a hypothesis with prior 0 keeps posterior 0
    zh: 先验为 0 的假设，后验仍然是 0"""
    post = m.bayes_posterior(np.array([0.0, 0.5, 0.5]), np.array([0.9, 0.3, 0.1]))
    assert_close(post, [0.0, 0.75, 0.25], what=tr("posterior", "后验"))


def test_many_observations_no_underflow(m):
    """1000 observations (likelihoods 0.01 vs 0.02): no NaN, no warning, posterior ≈ [0, 1]
    zh: 1000 个观测（似然分别为 0.01 和 0.02）：没有 NaN，没有警告，后验 ≈ [0, 1]"""
    lik = np.tile([0.01, 0.02], (1000, 1))
    with no_warnings("bayes_posterior"):
        post = m.bayes_posterior(np.array([0.5, 0.5]), lik)
    p0 = 1.0 / (1.0 + 2.0 ** 1000)
    assert_close(post, [p0, 1.0 - p0], rtol=1e-6, atol=1e-12, what=tr("posterior after 1000 observations", "1000 个观测之后的后验"))


def test_very_different_hypotheses(m):
    """1000 observations with likelihoods 0.001, 0.01 and 0.02: no overflow, no warning, posterior ≈ [0, 0, 1]
    zh: 1000 个观测、三个假设的似然分别为 0.001、0.01 和 0.02：不溢出，没有警告，后验 ≈ [0, 0, 1]"""
    lik = np.tile([0.001, 0.01, 0.02], (1000, 1))
    with no_warnings("bayes_posterior"), np.errstate(under="ignore"):
        post = m.bayes_posterior(np.ones(3) / 3, lik)
    assert_close(post, [0.0, 0.0, 1.0], rtol=1e-9, atol=1e-12,
                 what=tr("posterior after 1000 observations of three hypotheses", "三个假设在 1000 个观测之后的后验"))
