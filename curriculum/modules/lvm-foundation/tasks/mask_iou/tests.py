import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _box(h, w, r0, r1, c0, c1):
    m = np.zeros((h, w), dtype=bool)
    m[r0:r1, c0:c1] = True
    return m


def test_reference_values(m):
    """4x4 target = top-left 2x2; candidates: same box, top half, everything -> [1, 0.5, 0.25]
    zh: 4x4 的目标是左上角 2x2；候选依次为同一个框、上半部分、整张图 -> [1, 0.5, 0.25]"""
    gt = _box(4, 4, 0, 2, 0, 2)
    preds = np.stack([gt, _box(4, 4, 0, 2, 0, 4), np.ones((4, 4), dtype=bool)])
    out = m.mask_iou(preds, gt)
    assert_shape(out, (3,), what=tr("IoU per candidate", "每个候选的 IoU"))
    assert_close(out, [1.0, 0.5, 0.25], what=tr("IoU per candidate", "每个候选的 IoU"))


def test_disjoint_is_zero(m):
    """a candidate that does not overlap the target has IoU 0
    zh: 与目标完全不重叠的候选，IoU 为 0"""
    gt = _box(6, 6, 0, 3, 0, 3)
    out = m.mask_iou(_box(6, 6, 3, 6, 3, 6)[None], gt)
    assert_close(out, [0.0], what=tr("IoU of disjoint masks", "不相交掩码的 IoU"))


def test_both_empty_is_one(m):
    """empty candidate vs empty target gives 1.0 without a warning; empty vs non-empty gives 0
    zh: 空候选对空目标得 1.0，且不产生警告；非空候选对空目标得 0"""
    empty = np.zeros((5, 5), dtype=bool)
    with no_warnings("mask_iou"):
        out = m.mask_iou(np.stack([empty, _box(5, 5, 0, 1, 0, 1)]), empty)
    assert_close(out, [1.0, 0.0], what=tr("IoU with an empty target", "目标为空时的 IoU"))


def test_empty_candidate_is_zero(m):
    """an empty candidate against a non-empty target gives 0, so it never ranks first
    zh: 空候选对非空目标的 IoU 为 0，所以它不会排在第一"""
    empty = np.zeros((5, 5), dtype=bool)
    box = _box(5, 5, 1, 3, 1, 3)
    with no_warnings("mask_iou"):
        out = m.mask_iou(np.stack([empty, box]), box)
    assert_close(out, [0.0, 1.0], what=tr("IoU of an empty and an exact candidate against a non-empty target",
                                          "空候选与完全吻合的候选对非空目标的 IoU"))


def test_symmetric_and_bounded(m):
    """IoU(a, b) = IoU(b, a), and every IoU lies in [0, 1] (random masks)
    zh: IoU(a, b) = IoU(b, a)，且所有 IoU 都在 [0, 1] 之内（随机掩码）"""
    r = rng(0)
    A = r.random((6, 8, 8)) < 0.4
    B = r.random((8, 8)) < 0.5
    ab = np.asarray(m.mask_iou(A, B), dtype=float)
    ba = np.array([float(np.asarray(m.mask_iou(B[None], A[i]))[0]) for i in range(6)])
    assert_close(ab, ba, what=tr("IoU with the arguments swapped", "交换两个参数后的 IoU"))
    assert_true(np.all((ab >= 0) & (ab <= 1)), tr("IoU values must lie in [0, 1], got %s",
                                                  "IoU 必须在 [0, 1] 之内，得到的是 %s") % ab)


def test_matches_counts(m):
    """random masks: IoU equals |A and B| / |A or B| counted by hand
    zh: 随机掩码：IoU 等于手工数出的 |A 且 B| / |A 或 B|"""
    r = rng(1)
    A = r.random((4, 10, 12)) < 0.3
    B = r.random((10, 12)) < 0.3
    expected = [np.sum(A[i] & B) / np.sum(A[i] | B) for i in range(4)]
    assert_close(m.mask_iou(A, B), expected, what=tr("IoU per candidate", "每个候选的 IoU"))


def test_pick_best_candidate(m):
    """choosing the candidate with the highest IoU picks the whole object, not a part
    zh: 选 IoU 最高的候选，选中的应是整个物体，而不是它的一部分"""
    gt = _box(8, 8, 1, 7, 1, 7)                          # the whole object
    part, whole, bigger = _box(8, 8, 1, 4, 1, 4), _box(8, 8, 1, 7, 1, 7), np.ones((8, 8), dtype=bool)
    out = np.asarray(m.mask_iou(np.stack([part, whole, bigger]), gt))
    assert_true(int(np.argmax(out)) == 1, tr("the best candidate should be index 1 (the whole object); IoUs were %s",
                                                "最佳候选应是下标 1（整个物体）；各候选的 IoU 为 %s") % out)
