import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def _box(h, w, r0, r1, c0, c1):
    m = np.zeros((h, w), dtype=bool)
    m[r0:r1, c0:c1] = True
    return m


def test_reference_values(m):
    """4x4 target = top-left 2x2; candidates: same box, top half, everything -> [1, 0.5, 0.25]"""
    gt = _box(4, 4, 0, 2, 0, 2)
    preds = np.stack([gt, _box(4, 4, 0, 2, 0, 4), np.ones((4, 4), dtype=bool)])
    out = m.mask_iou(preds, gt)
    assert_shape(out, (3,), what="IoU per candidate")
    assert_close(out, [1.0, 0.5, 0.25], what="IoU per candidate")


def test_disjoint_is_zero(m):
    """a candidate that does not overlap the target has IoU 0"""
    gt = _box(6, 6, 0, 3, 0, 3)
    out = m.mask_iou(_box(6, 6, 3, 6, 3, 6)[None], gt)
    assert_close(out, [0.0], what="IoU of disjoint masks")


def test_both_empty_is_one(m):
    """empty candidate vs empty target gives 1.0 without a warning; empty vs non-empty gives 0"""
    empty = np.zeros((5, 5), dtype=bool)
    with no_warnings("mask_iou"):
        out = m.mask_iou(np.stack([empty, _box(5, 5, 0, 1, 0, 1)]), empty)
    assert_close(out, [1.0, 0.0], what="IoU with an empty target")


def test_symmetric_and_bounded(m):
    """IoU(a, b) = IoU(b, a), and every IoU lies in [0, 1] (random masks)"""
    r = rng(0)
    A = r.random((6, 8, 8)) < 0.4
    B = r.random((8, 8)) < 0.5
    ab = np.asarray(m.mask_iou(A, B), dtype=float)
    ba = np.array([float(np.asarray(m.mask_iou(B[None], A[i]))[0]) for i in range(6)])
    assert_close(ab, ba, what="IoU with the arguments swapped")
    assert_true(np.all((ab >= 0) & (ab <= 1)), "IoU values must lie in [0, 1], got %s" % ab)


def test_matches_counts(m):
    """random masks: IoU equals |A and B| / |A or B| counted by hand"""
    r = rng(1)
    A = r.random((4, 10, 12)) < 0.3
    B = r.random((10, 12)) < 0.3
    expected = [np.sum(A[i] & B) / np.sum(A[i] | B) for i in range(4)]
    assert_close(m.mask_iou(A, B), expected, what="IoU per candidate")


def test_pick_best_candidate(m):
    """choosing the candidate with the highest IoU picks the whole object, not a part"""
    gt = _box(8, 8, 1, 7, 1, 7)                          # the whole object
    part, whole, bigger = _box(8, 8, 1, 4, 1, 4), _box(8, 8, 1, 7, 1, 7), np.ones((8, 8), dtype=bool)
    out = np.asarray(m.mask_iou(np.stack([part, whole, bigger]), gt))
    assert_true(int(np.argmax(out)) == 1, "the best candidate should be index 1 (the whole object); IoUs were %s" % out)
