import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr


def test_reference_values(m):
    """rewards [1, 1, 1] with γ = 0.9 give returns [2.71, 1.9, 1]
    zh: 奖励 [1, 1, 1]、γ = 0.9 时，回报为 [2.71, 1.9, 1]"""
    assert_close(m.discounted_returns(np.array([1.0, 1.0, 1.0]), 0.9), [2.71, 1.9, 1.0])


def test_integer_rewards(m):
    """integer rewards (a Python list [1, 1, 1]) with γ = 0.9 give float returns [2.71, 1.9, 1]
    zh: 整数奖励（Python 列表 [1, 1, 1]）、γ = 0.9 时，回报是浮点数 [2.71, 1.9, 1]"""
    assert_close(m.discounted_returns([1, 1, 1], 0.9), [2.71, 1.9, 1.0], what=tr("returns of integer rewards", "整数奖励的回报"))
    assert_close(m.discounted_returns(np.array([0, 0, 2]), 0.5), [0.5, 1.0, 2.0],
                 what=tr("returns of the int array [0, 0, 2] with γ = 0.5", "int 数组 [0, 0, 2]、γ = 0.5 时的回报"))


def test_sparse_final_reward(m):
    """a single reward of 1 at the end gives returns γ^(T−1−t)
    zh: 只在最后一步得到奖励 1 时，回报为 γ^(T−1−t)"""
    r = np.array([0.0, 0.0, 0.0, 1.0])
    assert_close(m.discounted_returns(r, 0.5), [0.125, 0.25, 0.5, 1.0])


def test_gamma_limits(m):
    """γ = 0 returns the rewards themselves; γ = 1 returns the reversed cumulative sums
    zh: γ = 0 时回报就是奖励本身；γ = 1 时回报是从后往前的累加和"""
    r = rng(0).normal(size=7)
    assert_close(m.discounted_returns(r, 0.0), r, what=tr("returns with γ = 0", "γ = 0 时的回报"))
    assert_close(m.discounted_returns(r, 1.0), np.cumsum(r[::-1])[::-1], what=tr("returns with γ = 1", "γ = 1 时的回报"))


def test_recursion(m):
    """every step satisfies G[t] = r[t] + γ·G[t+1], and the last G is the last reward
    zh: 每一步都满足 G[t] = r[t] + γ·G[t+1]，且最后一个 G 等于最后一个奖励"""
    r = rng(1).normal(size=20)
    G = np.asarray(m.discounted_returns(r, 0.97))
    assert_shape(G, (20,))
    assert_close(G[:-1], r[:-1] + 0.97 * G[1:], what="r[t] + γ·G[t+1]")
    assert_close(G[-1], r[-1], what=tr("G at the last step", "最后一步的 G"))


def test_empty_episode(m):
    """an empty episode gives an empty array
    zh: 空的回合（episode）返回空数组"""
    G = np.asarray(m.discounted_returns(np.array([]), 0.9))
    assert_shape(G, (0,))


def test_long_episode(m):
    """a 100,000-step episode with γ = 0.99 is handled without warnings or overflow
    zh: 长达 100,000 步、γ = 0.99 的回合也能处理，不产生警告，也不溢出"""
    r = np.ones(100000)
    with no_warnings("discounted_returns"):
        G = np.asarray(m.discounted_returns(r, 0.99))
    assert_true(np.all(np.isfinite(G)), tr("all returns must be finite", "所有回报都必须是有限值"))
    # far from the end, G approaches 1 / (1 − γ) = 100
    assert_close(G[0], (1 - 0.99 ** 100000) / (1 - 0.99), what="G[0]")
