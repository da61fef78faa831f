import numpy as np


def mask_iou(pred_masks, gt_mask):
    """Intersection over union of several candidate masks against one target mask.

    多个候选掩码与一个目标掩码之间的交并比（IoU）。
    """
    P = np.asarray(pred_masks, dtype=bool)
    G = np.asarray(gt_mask, dtype=bool)[None, :, :]
    inter = np.logical_and(P, G).sum(axis=(1, 2)).astype(np.float64)
    union = np.logical_or(P, G).sum(axis=(1, 2)).astype(np.float64)
    return np.where(union == 0, 1.0, inter / np.where(union == 0, 1.0, union))
