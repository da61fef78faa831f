# counts with arithmetic on the labels (p * (1 − t)), which fails for boolean arrays and plain lists
import numpy as np


def precision_recall_f1(y_true, y_pred):
    tp = np.sum(y_true * y_pred)
    fp = np.sum(y_pred * (1 - y_true))
    fn = np.sum(y_true * (1 - y_pred))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
