# counts the union as |A| + |B|, forgetting to subtract the intersection
import numpy as np


def mask_iou(pred_masks, gt_mask):
    P = np.asarray(pred_masks, dtype=bool)
    G = np.asarray(gt_mask, dtype=bool)[None]
    inter = (P & G).sum(axis=(1, 2)).astype(float)
    union = (P.sum(axis=(1, 2)) + G.sum(axis=(1, 2))).astype(float)
    return np.where(union == 0, 1.0, inter / np.where(union == 0, 1.0, union))
