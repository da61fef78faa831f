import numpy as np


def precision_recall_f1(y_true, y_pred):
    """Precision, recall and F1 score of binary predictions (1 = positive).

    y_true, y_pred: arrays (or lists) of 0/1 or booleans, same length.
    Returns (precision, recall, f1) as floats:
        precision = TP / (TP + FP)    (0.0 if nothing is predicted positive)
        recall    = TP / (TP + FN)    (0.0 if there are no positives)
        f1        = 2 * precision * recall / (precision + recall)   (0.0 if both are 0)

    二分类预测的查准率、查全率和 F1 分数（1 表示正类）。
    y_true、y_pred：0/1 或布尔值组成的数组（或列表），长度相同。
    返回 (precision, recall, f1) 三个浮点数，公式见上；
    分母为 0 时对应的值取 0.0。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
