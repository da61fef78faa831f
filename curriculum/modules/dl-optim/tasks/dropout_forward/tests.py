import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, no_warnings, tr


def test_eval_is_identity(m):
    """with train=False the input comes back unchanged
    zh: train=False 时原样返回输入"""
    x = rng(0).normal(size=(4, 5))
    out = m.dropout_forward(x, 0.5, rng(1), train=False)
    assert_close(out, x)


def test_shape(m):
    """the output has the shape of the input
    zh: 输出的形状与输入相同"""
    x = rng(2).normal(size=(3, 4, 5))
    assert_shape(m.dropout_forward(x, 0.3, rng(3), train=True), (3, 4, 5))


def test_kept_units_are_scaled(m):
    """every output is either 0 or x / (1 - p)
    zh: 每个输出要么是 0，要么是 x / (1 - p)"""
    x = rng(4).uniform(1.0, 2.0, size=(50, 40))
    p = 0.25
    out = np.asarray(m.dropout_forward(x, p, rng(5), train=True))
    kept = out != 0
    assert_true(kept.any(), "no unit was kept at p = 0.25", "p = 0.25 时一个单元都没有保留")
    assert_close(out[kept], x[kept] / (1 - p), what=tr("kept values", "保留下来的值"))


def test_drop_rate(m):
    """about a fraction p of 1e6 units is dropped (p = 0.3, within 0.005)
    zh: 1e6 个单元中大约有比例 p 被丢弃（p = 0.3，误差不超过 0.005）"""
    out = np.asarray(m.dropout_forward(np.ones(1_000_000), 0.3, rng(6), train=True))
    frac = float((out == 0).mean())
    assert_true(abs(frac - 0.3) < 0.005, tr("dropped fraction is %.4f, expected about 0.3",
                                             "被丢弃的比例是 %.4f，应约为 0.3") % frac)


def test_expectation_preserved(m):
    """on 1e6 ones the mean output stays about 1 (within 0.005), for p = 0.5
    zh: p = 0.5 时，对 1e6 个 1 做 dropout，输出均值仍约为 1（误差不超过 0.005）"""
    with no_warnings("dropout_forward"):
        out = np.asarray(m.dropout_forward(np.ones(1_000_000), 0.5, rng(7), train=True))
    mean = float(out.mean())
    assert_true(abs(mean - 1.0) < 0.005, tr("mean output is %.4f, expected about 1 (scale kept units by 1/(1-p))",
                                              "输出均值是 %.4f，应约为 1（保留的单元要乘以 1/(1-p)）") % mean)


def test_p_zero_keeps_everything(m):
    """p = 0 in training changes nothing
    zh: 训练时 p = 0，什么都不变"""
    x = rng(8).normal(size=(6, 7))
    assert_close(m.dropout_forward(x, 0.0, rng(9), train=True), x)


def test_uses_the_given_rng(m):
    """two generators with the same seed give the same mask
    zh: 两个种子相同的生成器给出同样的掩码"""
    x = rng(10).normal(size=(20, 20))
    a = m.dropout_forward(x, 0.5, np.random.default_rng(123), train=True)
    b = m.dropout_forward(x, 0.5, np.random.default_rng(123), train=True)
    assert_close(a, b, what=tr("second call with the same seed", "用相同种子的第二次调用"))


def test_different_seeds_differ(m):
    """generators with different seeds give different masks, and one generator gives a new mask at every call
    zh: 种子不同的生成器给出不同的掩码；同一个生成器每调用一次都给出新的掩码"""
    x = np.ones((20, 20))
    a = np.asarray(m.dropout_forward(x, 0.5, np.random.default_rng(1), train=True)) != 0
    b = np.asarray(m.dropout_forward(x, 0.5, np.random.default_rng(2), train=True)) != 0
    assert_true((a != b).any(), "seeds 1 and 2 gave the same mask: draw the mask from the rng you are given",
                "种子 1 和 2 给出了同样的掩码：掩码要从传入的 rng 里取随机数")
    g = np.random.default_rng(3)
    c = np.asarray(m.dropout_forward(x, 0.5, g, train=True)) != 0
    d = np.asarray(m.dropout_forward(x, 0.5, g, train=True)) != 0
    assert_true((c != d).any(), "two calls with the same generator gave the same mask: draw a new mask at every call",
                "用同一个生成器调用两次，得到了同样的掩码：每次调用都要取一个新的掩码")


def test_each_row_and_column_dropped_independently(m):
    """on a 400 x 400 batch, every row and every column loses about a fraction p = 0.5 (within 0.15)
    zh: 在 400 x 400 的批次上，每一行、每一列被丢弃的比例都约为 p = 0.5（误差不超过 0.15）"""
    out = np.asarray(m.dropout_forward(np.ones((400, 400)), 0.5, rng(11), train=True))
    dropped = out == 0
    for axis, name, zh in ((1, "row", "行"), (0, "column", "列")):
        frac = dropped.mean(axis=axis)
        worst = int(np.argmax(np.abs(frac - 0.5)))
        assert_true(abs(frac[worst] - 0.5) < 0.15,
                    tr("%s %d lost a fraction %.3f of its units, expected about 0.5: drop each element on its own, "
                       "with a mask of the full shape of x" % (name, worst, frac[worst]),
                       "第 %d %s被丢弃的比例是 %.3f，应约为 0.5：每个元素要各自独立地丢弃，掩码的形状要和 x 完全相同"
                       % (worst, zh, frac[worst])))
