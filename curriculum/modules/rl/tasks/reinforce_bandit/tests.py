import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, no_warnings, rng, tr


def _softmax(theta):
    z = np.asarray(theta, dtype=np.float64)
    e = np.exp(z - z.max())
    return e / e.sum()


def test_reference_value(m):
    """θ = [0, 0], arm 0 pulled, reward 1, baseline 0.4: the estimate is [0.3, −0.3]
    zh: θ = [0, 0]，拉 0 号臂，奖励 1，基线 0.4：梯度估计为 [0.3, −0.3]"""
    out = np.asarray(m.reinforce_grad(np.array([0.0, 0.0]), np.array([0]), np.array([1.0]), 0.4))
    assert_shape(out, (2,))
    assert_close(out, [0.3, -0.3], what=tr("the gradient estimate", "梯度估计"))


def test_batch_mean_with_baseline(m):
    """a batch of 5 pulls on 3 arms with baseline 0.5: the mean of (r − b)·(onehot(a) − π)
    zh: 3 个臂上拉 5 次、基线 0.5：结果是 (r − b)·(onehot(a) − π) 的平均值"""
    theta = np.log([1.0, 1.0, 2.0])            # π = [0.25, 0.25, 0.5]
    actions = np.array([0, 2, 1, 2, 2])
    rewards = np.array([1.0, 0.0, 2.0, 0.5, 1.0])
    # by hand: r − b = [0.5, −0.5, 1.5, 0, 0.5]; Σ (r − b)·onehot = [0.5, 1.5, −0.5 + 0 + 0.5] = [0.5, 1.5, 0];
    # Σ (r − b) = 2, so Σ (r − b)·π = [0.5, 0.5, 1]; the mean is [0, 1, −1] / 5
    expected = np.array([0.0, 0.2, -0.2])
    out = m.reinforce_grad(theta, actions, rewards, 0.5)
    assert_close(out, expected, what=tr("the gradient estimate", "梯度估计"))


def test_matches_grad_of_log_prob(m):
    """for one pull the estimate is the gradient of (r − b)·log π(a), checked by finite differences
    zh: 只拉一次时，结果就是 (r − b)·log π(a) 的梯度（用有限差分检验）"""
    theta = rng(3).normal(size=5)
    for a, r, b in [(0, 1.3, 0.2), (3, -0.7, 0.0), (4, 2.0, 2.5)]:
        analytic = np.asarray(m.reinforce_grad(theta, np.array([a]), np.array([r]), b), dtype=np.float64)
        grad_check(lambda t: (r - b) * np.log(_softmax(t)[a]), theta.copy(), analytic,
                   what=tr("the gradient for arm %d" % a, "%d 号臂的梯度" % a))


def test_baseline_keeps_expectation(m):
    """when every arm is pulled in proportion to π, any baseline gives the exact gradient π_a(q_a − π·q)
    zh: 每个臂被拉的次数正好与 π 成比例时，任何基线都得到精确梯度 π_a(q_a − π·q)"""
    theta = np.log([1.0, 1.0, 2.0])            # π = [0.25, 0.25, 0.5]
    q = np.array([1.0, 0.0, 2.0])              # the reward of each arm
    actions = np.array([0, 1, 2, 2])           # each arm exactly in proportion to π
    pi = _softmax(theta)
    exact = pi * (q - pi @ q)
    for b in [0.0, 1.25, -3.0]:
        out = m.reinforce_grad(theta, actions, q[actions], b)
        assert_close(out, exact, what=tr("the estimate with baseline %g" % b, "基线为 %g 时的估计" % b))


def test_mean_not_sum(m):
    """repeating the same batch twice gives the same estimate (a mean, not a sum)
    zh: 把同一批数据重复两遍，结果不变（取平均，不是求和）"""
    theta = np.array([0.5, -0.2, 0.1])
    actions = np.array([2, 0, 0, 1])
    rewards = np.array([0.3, 1.0, -0.4, 0.8])
    once = np.asarray(m.reinforce_grad(theta, actions, rewards, 0.1))
    twice = np.asarray(m.reinforce_grad(theta, np.tile(actions, 2), np.tile(rewards, 2), 0.1))
    assert_close(twice, once, what=tr("the estimate on the doubled batch", "数据重复两遍后的估计"))


def test_large_logits(m):
    """logits of 1000 give finite values without overflow warnings
    zh: logit 为 1000 时结果仍是有限值，也没有溢出警告"""
    theta = np.array([1000.0, 1000.0, 0.0])    # π ≈ [0.5, 0.5, 0]
    with no_warnings("reinforce_grad"):
        out = m.reinforce_grad(theta, np.array([0, 2]), np.array([1.0, 1.0]), 0.0)
    # pull 0: [0.5, −0.5, 0]; pull 2: [−0.5, −0.5, 1]; mean: [0, −0.5, 0.5]
    assert_close(out, [0.0, -0.5, 0.5], atol=1e-12, what=tr("the estimate for large logits", "大 logit 时的估计"))


def test_learns_the_best_arm(m):
    """gradient ascent with the estimate learns a 3-armed bandit: the best arm ends above 0.9
    zh: 用这个估计做梯度上升能学会 3 臂老虎机：最好的臂的概率最后超过 0.9"""
    g = rng(7)
    means = np.array([0.2, 0.5, 0.8])          # chance of a reward of 1 on each arm
    theta = np.zeros(3)
    avg = 0.0
    for _ in range(150):
        pi = _softmax(theta)
        actions = g.choice(3, size=32, p=pi)
        rewards = (g.random(32) < means[actions]).astype(np.float64)
        theta = theta + 1.0 * np.asarray(m.reinforce_grad(theta, actions, rewards, avg), dtype=np.float64)
        avg = 0.9 * avg + 0.1 * rewards.mean()
    p_best = _softmax(theta)[2]
    assert_true(p_best > 0.9, tr("after 150 steps π(best arm) should exceed 0.9, got %.3f",
                                 "150 步之后 π(最好的臂) 应超过 0.9，得到的是 %.3f") % p_best)
