import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr


def _layer(seed=0, n=5, d_in=12, d_out=7, r=3):
    g = rng(seed)
    return (g.normal(size=(n, d_in)), g.normal(size=(d_out, d_in)),
            g.normal(size=(r, d_in)), g.normal(size=(d_out, r)))


def test_reference_value(m):
    """x=[1,2,3], W0 = first two rows of I, A=[[1,1,1]], B=[[1],[-1]], alpha=2, r=1 -> [13, -10]
    zh: x=[1,2,3]，W0 取单位矩阵的前两行，A=[[1,1,1]]，B=[[1],[-1]]，alpha=2，r=1 -> [13, -10]"""
    out = m.lora_forward(np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 0, 0], [0, 1.0, 0]]),
                         np.array([[1.0, 1.0, 1.0]]), np.array([[1.0], [-1.0]]), 2.0, 1)
    assert_close(out, [[13.0, -10.0]], what=tr("lora_forward output", "lora_forward 的输出"))


def test_integer_inputs(m):
    """Python int lists with alpha=1, r=2 (scale 0.5) give the float results: forward [[4, -1]], merged [[1.5, 0.5, 0.5], [-0.5, 0.5, -0.5]]
    zh: 输入是 Python 整数列表、alpha=1、r=2（缩放 0.5）时，结果是浮点数：前向 [[4, -1]]，合并后 [[1.5, 0.5, 0.5], [-0.5, 0.5, -0.5]]"""
    x, W0, A, B = [[1, 2, 3]], [[1, 0, 0], [0, 1, 0]], [[1, 1, 1]], [[1], [-1]]
    assert_close(m.lora_forward(x, W0, A, B, 1, 2), [[4.0, -1.0]],
                 what=tr("lora_forward output for integer inputs", "整数输入时 lora_forward 的输出"))
    assert_close(m.lora_merge(W0, A, B, 1, 2), [[1.5, 0.5, 0.5], [-0.5, 0.5, -0.5]],
                 what=tr("merged weight for integer inputs", "整数输入时合并后的权重"))


def test_b_zero_gives_base(m):
    """with B = 0 (LoRA's initialisation) the output equals the frozen layer x W0^T
    zh: B = 0（LoRA 的初始状态）时，输出等于冻结层的 x W0^T"""
    x, W0, A, B = _layer(1)
    out = m.lora_forward(x, W0, A, np.zeros_like(B), 16.0, 3)
    assert_shape(out, (5, 7), what=tr("output", "输出"))
    assert_close(out, x @ W0.T, what=tr("output with B = 0", "B = 0 时的输出"))


def test_merge_equivalence(m):
    """x @ lora_merge(...)^T equals lora_forward(...): merging adds no latency and changes nothing
    zh: x @ lora_merge(...)^T 等于 lora_forward(...)：合并权重不增加推理延迟，结果也不变"""
    x, W0, A, B = _layer(2)
    W = m.lora_merge(W0, A, B, 8.0, 3)
    assert_shape(W, W0.shape, what=tr("merged weight", "合并后的权重"))
    assert_close(x @ np.asarray(W).T, m.lora_forward(x, W0, A, B, 8.0, 3), what=tr("output of the merged layer", "合并后那一层的输出"))


def test_scale_alpha_over_r(m):
    """the adapter path is scaled by alpha / r: doubling alpha doubles the change
    zh: 适配器支路要乘上 alpha / r：alpha 加倍，输出的变化量也加倍"""
    x, W0, A, B = _layer(3)
    base = x @ W0.T
    d1 = np.asarray(m.lora_forward(x, W0, A, B, 4.0, 3)) - base
    d2 = np.asarray(m.lora_forward(x, W0, A, B, 8.0, 3)) - base
    assert_close(d2, 2 * d1, what=tr("change in output when alpha doubles", "alpha 加倍时输出的变化量"))
    assert_close(d1, (4.0 / 3) * x @ A.T @ B.T, what=tr("adapter contribution for alpha=4, r=3", "alpha=4、r=3 时适配器贡献的部分"))


def test_update_has_rank_at_most_r(m):
    """the merged update W - W0 has rank at most r
    zh: 合并后的更新量 W - W0 的秩不超过 r"""
    x, W0, A, B = _layer(4, d_in=20, d_out=15, r=2)
    delta = np.asarray(m.lora_merge(W0, A, B, 1.0, 2)) - W0
    rank = np.linalg.matrix_rank(delta)
    assert_true(rank <= 2, tr("rank of W - W0 is %d, expected at most r = 2", "W - W0 的秩是 %d，应不超过 r = 2") % rank)


def test_param_count(m):
    """r(d_in + d_out): 4096x4096 with r=8 -> 65,536 trainable vs 16,777,216 frozen
    zh: r(d_in + d_out)：4096x4096 的层取 r=8 时，可训练参数 65,536 个，冻结参数 16,777,216 个"""
    assert_true(int(m.lora_num_params(4096, 4096, 8)) == 65536,
                tr("lora_num_params(4096, 4096, 8) returned %r, expected 65536",
                   "lora_num_params(4096, 4096, 8) 返回了 %r，应为 65536") % (m.lora_num_params(4096, 4096, 8),))
    assert_true(int(m.lora_num_params(12, 7, 3)) == 57, tr("lora_num_params(12, 7, 3) should be 3*(12+7) = 57",
                                                          "lora_num_params(12, 7, 3) 应为 3*(12+7) = 57"))
    x, W0, A, B = _layer(5)
    assert_true(A.size + B.size == int(m.lora_num_params(12, 7, 3)), tr("the count must equal A.size + B.size",
                                                                      "参数个数必须等于 A.size + B.size"))


def test_inputs_untouched(m):
    """W0, A and B are not modified (the base weight stays frozen)
    zh: W0、A 和 B 都不能被修改（基础权重保持冻结）"""
    x, W0, A, B = _layer(6)
    saved = [W0.copy(), A.copy(), B.copy()]
    m.lora_forward(x, W0, A, B, 2.0, 3)
    m.lora_merge(W0, A, B, 2.0, 3)
    for name, before, after in zip(("W0", "A", "B"), saved, (W0, A, B)):
        assert_close(after, before, what=tr("%s after the calls", "调用之后的 %s") % name)
