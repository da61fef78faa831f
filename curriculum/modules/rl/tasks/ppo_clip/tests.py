import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, tr


def _call(m, logp_new, logp_old, adv, eps=0.2):
    out = m.ppo_clip(np.asarray(logp_new, dtype=np.float64), np.asarray(logp_old, dtype=np.float64),
                     np.asarray(adv, dtype=np.float64), eps)
    assert_true(isinstance(out, tuple) and len(out) == 2,
                tr("ppo_clip should return a tuple (objective, grad)", "ppo_clip 应返回元组 (objective, grad)"))
    obj, grad = out
    grad = np.asarray(grad, dtype=np.float64)
    assert_shape(grad, (len(adv),), what=tr("grad", "grad（梯度）"))
    return float(obj), grad


def _logps(ratios):
    old = np.log(np.linspace(0.2, 0.5, len(ratios)))
    return old + np.log(ratios), old


def test_reference_values(m):
    """ratios [1.5, 0.5, 1.5, 1.0], advantages [2, −1, −1, 0.5], ε = 0.2: objective 0.15, grad [0, 0, −0.375, 0.125]
    zh: 概率比 [1.5, 0.5, 1.5, 1.0]，优势 [2, −1, −1, 0.5]，ε = 0.2：目标 0.15，梯度 [0, 0, −0.375, 0.125]"""
    new, old = _logps([1.5, 0.5, 1.5, 1.0])
    obj, grad = _call(m, new, old, [2.0, -1.0, -1.0, 0.5])
    # terms: min(3, 2.4) = 2.4; min(−0.5, −0.8) = −0.8; min(−1.5, −1.2) = −1.5; 0.5 → mean 0.6 / 4
    assert_close(obj, 0.15, what=tr("the objective", "目标值"))
    assert_close(grad, [0.0, 0.0, -0.375, 0.125], what=tr("the gradient", "梯度"))


def test_ratio_one(m):
    """when the new policy equals the old one, the objective is mean(A) and the gradient A / N
    zh: 新旧策略相同时，目标是 mean(A)，梯度是 A / N"""
    adv = rng(1).normal(size=6)
    lp = np.log(rng(2).uniform(0.05, 0.9, size=6))
    obj, grad = _call(m, lp, lp.copy(), adv)
    assert_close(obj, adv.mean(), what=tr("the objective", "目标值"))
    assert_close(grad, adv / 6, what=tr("the gradient", "梯度"))


def test_four_regions(m):
    """outside [1 − ε, 1 + ε] the gradient is 0 only where the clipped term is the smaller one
    zh: 概率比越出 [1 − ε, 1 + ε] 时，只有截断项更小的那一侧梯度才为 0"""
    cases = [  # ratio, advantage, expected term, expected gradient (N = 1)
        (1.3, 1.0, 1.2, 0.0),     # good action already made more likely: clipped, no push
        (0.6, 1.0, 0.6, 0.6),     # good action made less likely: unclipped, push back
        (0.6, -1.0, -0.8, 0.0),   # bad action already made less likely: clipped
        (1.3, -1.0, -1.3, -1.3),  # bad action made more likely: unclipped, push back
    ]
    for ratio, a, term, g in cases:
        new, old = _logps([ratio])
        obj, grad = _call(m, new, old, [a])
        where = tr("ratio %g, advantage %g: " % (ratio, a), "概率比 %g、优势 %g：" % (ratio, a))
        assert_close(obj, term, what=where + tr("objective", "目标值"))
        assert_close(grad, [g], what=where + tr("gradient", "梯度"))


def test_eps_is_used(m):
    """ε = 0.1 clips a ratio of 1.15 (A = 1) to 1.1; ε = 0.3 leaves it at 1.15
    zh: ε = 0.1 时概率比 1.15（A = 1）被截到 1.1；ε = 0.3 时保持 1.15"""
    new, old = _logps([1.15])
    obj, _ = _call(m, new, old, [1.0], eps=0.1)
    assert_close(obj, 1.1, what=tr("the objective with ε = 0.1", "ε = 0.1 时的目标值"))
    obj, _ = _call(m, new, old, [1.0], eps=0.3)
    assert_close(obj, 1.15, what=tr("the objective with ε = 0.3", "ε = 0.3 时的目标值"))


def test_gradient_by_finite_differences(m):
    """the gradient matches central differences of the objective at 12 random samples
    zh: 在 12 个随机样本上，梯度与目标值的中心差分一致"""
    g = rng(5)
    ratios = g.uniform(0.5, 1.6, size=12)
    ratios[np.abs(ratios - 0.8) < 0.02] += 0.05      # stay away from the kinks at 1 ± ε
    ratios[np.abs(ratios - 1.2) < 0.02] += 0.05
    adv = g.normal(size=12)
    new, old = _logps(ratios)
    _, grad = _call(m, new, old, adv)
    grad_check(lambda x: _call(m, x, old, adv)[0], new.copy(), grad,
               what=tr("d objective / d logp_new", "目标值对 logp_new 的导数"))
