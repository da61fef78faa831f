# sums over axes (0, 1), as if there were a single (H, W) candidate, instead of over each candidate's (H, W)
import numpy as np


def mask_iou(pred_masks, gt_mask):
    P = np.asarray(pred_masks, dtype=bool)
    G = np.asarray(gt_mask, dtype=bool)
    inter = (P & G).sum(axis=(0, 1)).astype(float)
    union = (P | G).sum(axis=(0, 1)).astype(float)
    return np.where(union == 0, 1.0, inter / np.where(union == 0, 1.0, union))
