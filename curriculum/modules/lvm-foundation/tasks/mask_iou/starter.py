import numpy as np


def mask_iou(pred_masks, gt_mask):
    """Intersection over union of several candidate masks against one target mask.

    pred_masks: boolean array (M, H, W) — M candidate masks (e.g. SAM's answers to
    one ambiguous click). gt_mask: boolean array (H, W).
    Return a float array (M,) with IoU = |pred ∧ gt| / |pred ∨ gt| per candidate.
    If both masks are empty (union 0), define IoU = 1.0; an empty candidate against a
    non-empty target is 0. No warnings. Do not modify the arrays you are given.

    多个候选掩码与一个目标掩码之间的交并比（IoU）。
    pred_masks：形状 (M, H, W) 的布尔数组——M 个候选掩码（例如 SAM 对一次
    有歧义的点击给出的多个答案）。gt_mask：形状 (H, W) 的布尔数组。
    返回形状 (M,) 的浮点数组，每个候选的 IoU = |pred ∧ gt| / |pred ∨ gt|。
    两个掩码都为空（并集为 0）时，规定 IoU = 1.0；空候选对非空目标为 0。不能有警告。
    不要修改传给你的数组。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
