import numpy as np
from dlpath_harness import assert_close, assert_true, rng, no_warnings, tr


def test_reference_values(m):
    """TP = 2, FP = 1, FN = 2 gives precision 2/3, recall 1/2, F1 4/7
    zh: TP = 2、FP = 1、FN = 2 时，精确率 2/3，召回率 1/2，F1 为 4/7"""
    y_true = np.array([1, 1, 1, 0, 0, 0, 1, 0])
    y_pred = np.array([1, 0, 0, 1, 0, 0, 1, 0])
    assert_close(m.precision_recall_f1(y_true, y_pred), [2 / 3, 0.5, 4 / 7])


def test_perfect_predictions(m):
    """predictions equal to the labels give (1, 1, 1)
    zh: 预测与标签完全相同时结果是 (1, 1, 1)"""
    y = rng(0).integers(0, 2, size=50)
    y[0] = 1
    assert_close(m.precision_recall_f1(y, y.copy()), [1.0, 1.0, 1.0])


def test_no_positive_predictions(m):
    """predicting all negatives gives (0, 0, 0) without a division warning
    zh: 全部预测为负类时结果是 (0, 0, 0)，而且没有除零警告"""
    y_true = np.array([1, 0, 1, 0])
    with no_warnings("precision_recall_f1"):
        out = m.precision_recall_f1(y_true, np.zeros(4, dtype=int))
    assert_close(out, [0.0, 0.0, 0.0])


def test_no_positive_labels(m):
    """labels with no positives give recall 0.0, without a division error or warning
    zh: 标签里没有正类时 recall 为 0.0，不能出现除零错误或警告"""
    with no_warnings("precision_recall_f1"):
        out1 = m.precision_recall_f1(np.array([0, 0, 0, 0]), np.array([0, 1, 0, 1]))
        out2 = m.precision_recall_f1([0, 0, 0], [0, 0, 0])
    assert_close(out1, [0.0, 0.0, 0.0], what=tr("y_true = [0, 0, 0, 0], y_pred = [0, 1, 0, 1]", "y_true = [0, 0, 0, 0]、y_pred = [0, 1, 0, 1] 的结果"))
    assert_close(out2, [0.0, 0.0, 0.0], what=tr("y_true = y_pred = [0, 0, 0]", "y_true = y_pred = [0, 0, 0] 的结果"))


def test_matches_counts_on_random_data(m):
    """on random labels the three values match the definitions
    zh: 在随机标签上，三个值都与定义算出的一致"""
    g = rng(1)
    y_true = g.integers(0, 2, size=200)
    y_pred = g.integers(0, 2, size=200)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    p, r = tp / (tp + fp), tp / (tp + fn)
    assert_close(m.precision_recall_f1(y_true, y_pred), [p, r, 2 * p * r / (p + r)])


def test_swapping_swaps_precision_and_recall(m):
    """exchanging y_true and y_pred exchanges precision and recall; F1 stays
    zh: 交换 y_true 和 y_pred，精确率和召回率互换，F1 不变"""
    g = rng(2)
    a, b = g.integers(0, 2, size=100), g.integers(0, 2, size=100)
    p1, r1, f1 = m.precision_recall_f1(a, b)
    p2, r2, f2 = m.precision_recall_f1(b, a)
    assert_close([p2, r2, f2], [r1, p1, f1])


def test_f1_is_a_harmonic_mean(m):
    """F1 lies between min(P, R) and the arithmetic mean (P + R) / 2
    zh: F1 介于 min(P, R) 和算术平均 (P + R) / 2 之间"""
    g = rng(3)
    for _ in range(20):
        y_true, y_pred = g.integers(0, 2, size=40), g.integers(0, 2, size=40)
        p, r, f = m.precision_recall_f1(y_true, y_pred)
        assert_true(min(p, r) - 1e-12 <= f <= (p + r) / 2 + 1e-12,
                    tr("F1 = %.4f is not between min(P, R) = %.4f and (P + R)/2 = %.4f",
                       "F1 = %.4f 不在 min(P, R) = %.4f 和 (P + R)/2 = %.4f 之间") % (f, min(p, r), (p + r) / 2))


def test_accepts_lists_and_booleans(m):
    """plain lists and boolean arrays work too
    zh: 普通列表和布尔数组也能用"""
    out1 = m.precision_recall_f1([True, True, False], [True, False, True])
    out2 = m.precision_recall_f1(np.array([1, 1, 0]), np.array([1, 0, 1]))
    assert_close(out1, [0.5, 0.5, 0.5])
    assert_close(out2, [0.5, 0.5, 0.5])
