from dlpath_harness import assert_true, tr


def _plan(m, *args, **kw):
    out = m.r2plus1d_plan(*args, **kw)
    assert_true(isinstance(out, dict), tr("r2plus1d_plan should return a dict, got %s", "r2plus1d_plan 应返回 dict，得到的是 %s")
                % type(out).__name__)
    for key in ["mid", "params_full", "params_factorised", "mid_shape", "out_shape"]:
        assert_true(key in out, tr("the dict has no key %r", "字典里没有键 %r") % key)
    return out


def _equal(got, expected, what_en, what_zh):
    got_t = tuple(int(v) for v in got) if isinstance(got, (tuple, list)) else got
    assert_true(got_t == expected, tr("%s: expected %s, got %s", "%s：应为 %s，得到的是 %s")
                % (tr(what_en, what_zh), expected, got))


def test_equal_widths(m):
    """64 → 64 channels, t = d = 3: M = 144 and both blocks have 110,592 parameters
    zh: 64 → 64 通道，t = d = 3：M = 144，两种卷积都有 110,592 个参数"""
    p = _plan(m, 64, 64, 16, 56, 56)
    _equal(p["mid"], 144, "M", "M")
    _equal(p["params_full"], 110592, "parameters of the full 3D convolution", "完整三维卷积的参数量")
    _equal(p["params_factorised"], 110592, "parameters of the (2+1)D block", "(2+1)D 块的参数量")


def test_wider_output_with_stride(m):
    """64 → 128 channels, stride 2 on a (64, 16, 112, 112) clip: M = 230, shapes (230, 16, 56, 56) then (128, 8, 56, 56)
    zh: 64 → 128 通道，步长 2，输入 (64, 16, 112, 112)：M = 230，形状依次为 (230, 16, 56, 56) 和 (128, 8, 56, 56)"""
    p = _plan(m, 64, 128, 16, 112, 112, stride=2)
    _equal(p["mid"], 230, "M", "M")
    _equal(p["params_full"], 221184, "parameters of the full 3D convolution", "完整三维卷积的参数量")
    _equal(p["params_factorised"], 220800, "parameters of the (2+1)D block", "(2+1)D 块的参数量")
    _equal(p["mid_shape"], (230, 16, 56, 56), "shape after the spatial convolution (only H and W are strided)",
           "空间卷积之后的形状（只有 H 和 W 被步长缩小）")
    _equal(p["out_shape"], (128, 8, 56, 56), "shape after the temporal convolution", "时间卷积之后的形状")


def test_mid_is_a_floor(m):
    """3 → 64 channels: t·d²·c_in·c_out / (d²·c_in + t·c_out) = 23.67, so M = 23 (the floor)
    zh: 3 → 64 通道：t·d²·c_in·c_out / (d²·c_in + t·c_out) = 23.67，所以 M = 23（向下取整）"""
    p = _plan(m, 3, 64, 16, 112, 112)
    _equal(p["mid"], 23, "M", "M")
    _equal(p["params_factorised"], 5037, "parameters of the (2+1)D block", "(2+1)D 块的参数量")
    _equal(p["out_shape"], (64, 16, 112, 112), "output shape with stride 1 (padding keeps every size)",
           "步长为 1 时的输出形状（填充使各维大小不变）")


def test_other_kernel_sizes(m):
    """t = 5, d = 7, stride 1 on (16, 9, 20, 30): padding 2 and 3 keep T, H and W
    zh: t = 5、d = 7、步长 1，输入 (16, 9, 20, 30)：填充 2 和 3 使 T、H、W 不变"""
    p = _plan(m, 16, 32, 9, 20, 30, t=5, d=7, stride=1)
    # M = floor(5·49·16·32 / (49·16 + 5·32)) = floor(125440 / 944) = 132
    _equal(p["mid"], 132, "M", "M")
    _equal(p["params_full"], 125440, "parameters of the full 3D convolution", "完整三维卷积的参数量")
    _equal(p["params_factorised"], 49 * 16 * 132 + 5 * 132 * 32, "parameters of the (2+1)D block", "(2+1)D 块的参数量")
    _equal(p["mid_shape"], (132, 9, 20, 30), "shape after the spatial convolution", "空间卷积之后的形状")
    _equal(p["out_shape"], (32, 9, 20, 30), "shape after the temporal convolution", "时间卷积之后的形状")


def test_odd_sizes_with_stride(m):
    """stride 2 on odd sizes (7 frames, 15 × 9): T 7 → 4, H 15 → 8, W 9 → 5
    zh: 在奇数尺寸上用步长 2（7 帧，15 × 9）：T 7 → 4，H 15 → 8，W 9 → 5"""
    p = _plan(m, 8, 8, 7, 15, 9, stride=2)
    # ⌊(n + 2·1 − 3) / 2⌋ + 1 for n = 7, 15, 9
    _equal(p["mid_shape"], (p["mid"], 7, 8, 5), "shape after the spatial convolution", "空间卷积之后的形状")
    _equal(p["out_shape"], (8, 4, 8, 5), "shape after the temporal convolution", "时间卷积之后的形状")
