import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def test_uniform_logits(m):
    """all-zero logits over V=4 give ln 4 = 1.386294
    zh: V=4 且 logit 全为 0 时，损失为 ln 4 = 1.386294"""
    out = m.next_token_loss(np.zeros((3, 4)), np.array([0, 1, 2]))
    assert_close(out, np.log(4.0), what=tr("loss", "损失"))


def test_reference_value(m):
    """logits [[1,2,3],[0,0,0],[5,5,5]], tokens [0,2,1] give 0.7531091
    zh: logits [[1,2,3],[0,0,0],[5,5,5]]、tokens [0,2,1] 时，损失为 0.7531091"""
    logits = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [5.0, 5.0, 5.0]])
    out = m.next_token_loss(logits, np.array([0, 2, 1]))
    assert_close(out, 0.7531091266, rtol=1e-6,
                 what=tr("loss (without the shift, i.e. predicting tokens[t] from row t, you would get 1.5349)",
                         "损失（如果没有错开一位，即用第 t 行去预测 tokens[t]，会得到 1.5349）"))


def test_last_row_ignored(m):
    """changing the last row of logits does not change the loss
    zh: 改动 logits 的最后一行，损失不变"""
    r = rng(0)
    logits, tokens = r.normal(size=(6, 5)), r.integers(0, 5, size=6)
    a = m.next_token_loss(logits, tokens)
    logits2 = logits.copy()
    logits2[-1] += r.normal(size=5) * 10
    assert_close(m.next_token_loss(logits2, tokens), a, what=tr("loss after changing the last row", "改动最后一行之后的损失"))


def test_first_token_not_a_target(m):
    """the first token is never predicted: changing tokens[0] does not change the loss
    zh: 第一个 token 从来不是预测目标：改动 tokens[0]，损失不变"""
    r = rng(1)
    logits, tokens = r.normal(size=(5, 7)), r.integers(0, 7, size=5)
    a = m.next_token_loss(logits, tokens)
    t2 = tokens.copy()
    t2[0] = (t2[0] + 3) % 7
    assert_close(m.next_token_loss(logits, t2), a, what=tr("loss after changing tokens[0]", "改动 tokens[0] 之后的损失"))


def test_large_logits_stable(m):
    """adding 1000 to every logit changes nothing and raises no overflow warning
    zh: 每个 logit 都加 1000，结果不变，也没有溢出警告"""
    r = rng(2)
    logits, tokens = r.normal(size=(8, 10)), r.integers(0, 10, size=8)
    with no_warnings("next_token_loss"):
        out = m.next_token_loss(logits + 1000.0, tokens)
    assert_close(out, m.next_token_loss(logits, tokens), what=tr("loss with +1000 on every logit", "每个 logit 都加 1000 之后的损失"))


def test_rows_of_different_magnitude(m):
    """rows shifted by very different amounts (+1000, −1000, 0, ...) in one call give the unshifted loss, without a warning
    zh: 同一次调用里各行分别加上相差悬殊的常数（+1000、−1000、0……），损失与不加时相同，且没有警告"""
    r = rng(3)
    logits, tokens = r.normal(size=(6, 10)), r.integers(0, 10, size=6)
    offsets = np.array([1000.0, -1000.0, 0.0, 500.0, -300.0, 0.0])[:, None]
    with no_warnings("next_token_loss"):
        out = m.next_token_loss(logits + offsets, tokens)
    assert_close(out, m.next_token_loss(logits, tokens),
                 what=tr("loss with a different offset on each row (subtract each row's own maximum)",
                         "各行加上不同偏移后的损失（每一行要减去它自己的最大值）"))


def test_confident_and_correct(m):
    """a huge logit on every correct next token gives a loss near 0
    zh: 每个正确的下一个 token 上都有一个很大的 logit 时，损失接近 0"""
    tokens = np.array([2, 0, 3, 1])
    logits = np.zeros((4, 4))
    for t in range(3):
        logits[t, tokens[t + 1]] = 50.0
    out = m.next_token_loss(logits, tokens)
    assert_true(0.0 <= float(out) < 1e-15, tr("expected a loss of (almost) 0, got %r", "损失应该（几乎）为 0，得到的是 %r") % float(out))
