# divides the intersection by the candidate's own area (precision) instead of the union
import numpy as np


def mask_iou(pred_masks, gt_mask):
    P = np.asarray(pred_masks, dtype=bool)
    G = np.asarray(gt_mask, dtype=bool)[None]
    inter = (P & G).sum(axis=(1, 2)).astype(float)
    area = P.sum(axis=(1, 2)).astype(float)
    union = (P | G).sum(axis=(1, 2))
    return np.where(union == 0, 1.0, inter / np.maximum(area, 1.0))
