import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, rng, tr


def _ints(out, k):
    out = np.asarray(out)
    assert_shape(out, (k,), what=tr("the indices", "下标"))
    assert_true(np.issubdtype(out.dtype, np.integer), tr("frame indices should be integers, got dtype %s",
                                                         "帧下标应为整数，得到的 dtype 是 %s") % out.dtype)
    return out


def test_centres_at_test_time(m):
    """test time: 30 frames, k = 3 → [5, 15, 25]; 10 frames, k = 4 → [1, 3, 6, 8]
    zh: 测试时：30 帧、k = 3 → [5, 15, 25]；10 帧、k = 4 → [1, 3, 6, 8]"""
    assert_close(_ints(m.tsn_sample(30, 3, False), 3), [5, 15, 25], what=tr("centres of 3 segments", "3 段的中心"))
    assert_close(_ints(m.tsn_sample(10, 4, False), 4), [1, 3, 6, 8],
                 what=tr("centres of 4 segments of 2.5 frames", "4 段（每段 2.5 帧）的中心"))


def test_one_index_inside_each_segment(m):
    """training: 100 frames, k = 8 (12 frames a segment): index i always lies in 12·i … 12·i + 11
    zh: 训练时：100 帧、k = 8（每段 12 帧）：第 i 个下标总在 12·i … 12·i + 11 之内"""
    g = rng(1)
    starts = np.arange(8) * 12
    for _ in range(40):
        idx = _ints(m.tsn_sample(100, 8, True, g), 8)
        ok = (idx >= starts) & (idx <= starts + 11)
        assert_true(bool(ok.all()), tr("index outside its segment: got %s, segments start at %s",
                                       "有下标落在所属段之外：得到 %s，各段起点为 %s") % (idx.tolist(), starts.tolist()))


def test_offsets_are_uniform(m):
    """training: over 40 draws of 1,000 segments of 4 frames, each of the 4 offsets is picked about 10,000 times
    zh: 训练时：抽 40 次、每次 1,000 段（每段 4 帧），4 种段内偏移各被选中约 10,000 次"""
    g = rng(2)
    starts = np.arange(1000) * 4
    counts = np.zeros(5, dtype=int)
    for _ in range(40):
        off = _ints(m.tsn_sample(4000, 1000, True, g), 1000) - starts
        counts += np.bincount(np.clip(off, 0, 4), minlength=5)[:5]
    # 40,000 offsets: each of 0, 1, 2, 3 expects 10,000 (sd ≈ 87); none may be 4 or more
    assert_true(counts[4] == 0 and counts[:4].min() > 9500 and counts[:4].max() < 10500,
                tr("offsets 0, 1, 2, 3 should each be picked about 10,000 times (and 4 never), got %s",
                   "偏移 0、1、2、3 应各被选中约 10,000 次（4 一次也不应出现），得到 %s") % counts.tolist())


def test_uses_the_rng_given(m):
    """training with the same seed gives the same indices (the rng passed in is used)
    zh: 训练时用相同的种子得到相同的下标（用的是传入的 rng）"""
    a = _ints(m.tsn_sample(1000, 8, True, np.random.default_rng(5)), 8)
    b = _ints(m.tsn_sample(1000, 8, True, np.random.default_rng(5)), 8)
    assert_close(a, b, what=tr("indices from two generators with seed 5", "两个种子都为 5 的生成器给出的下标"))


def test_k_equals_frames(m):
    """k = num_frames: every segment is one frame, so training and test both give 0 … k − 1
    zh: k = num_frames：每段只有一帧，训练和测试都得到 0 … k − 1"""
    assert_close(_ints(m.tsn_sample(5, 5, True, rng(3)), 5), [0, 1, 2, 3, 4], what=tr("training indices", "训练时的下标"))
    assert_close(_ints(m.tsn_sample(5, 5, False), 5), [0, 1, 2, 3, 4], what=tr("test indices", "测试时的下标"))


def test_bad_k(m):
    """k < 1 or more segments than frames raises ValueError
    zh: k < 1 或段数多于帧数时抛出 ValueError"""
    for n, k in [(10, 0), (3, 4)]:
        try:
            m.tsn_sample(n, k, False)
        except ValueError:
            continue
        assert_true(False, tr("tsn_sample(%d, %d, False) should raise ValueError", "tsn_sample(%d, %d, False) 应抛出 ValueError")
                    % (n, k))
