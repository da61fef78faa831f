def _out_len(n, k, s, p):
    # the usual convolution arithmetic, one axis at a time
    return (n + 2 * p - k) // s + 1


def r2plus1d_plan(c_in, c_out, T, H, W, t=3, d=3, stride=1):
    """Plan one (2+1)D convolution that replaces a full t x d x d 3D convolution.

    The input clip has shape (c_in, T, H, W). The (2+1)D block is a spatial
    1 x d x d convolution with M output channels (spatial stride `stride`,
    padding d // 2) followed by a temporal t x 1 x 1 convolution with c_out
    output channels (temporal stride `stride`, padding t // 2). No biases.
    M is chosen as in R(2+1)D so that the block has about as many parameters
    as the full 3D convolution:
        M = floor(t * d * d * c_in * c_out / (d * d * c_in + t * c_out))
    Return a dict of Python ints and tuples:
        "mid":               M
        "params_full":       parameters of the full t x d x d convolution
        "params_factorised": parameters of the two convolutions together
        "mid_shape":         (M, T, H2, W2), the output of the spatial convolution
        "out_shape":         (c_out, T2, H2, W2), the output of the block

    规划一个 (2+1)D 卷积，用来替代完整的 t x d x d 三维卷积。
    输入片段的形状为 (c_in, T, H, W)。(2+1)D 块先做输出 M 个通道的空间卷积
    1 x d x d（空间步长 `stride`，填充 d // 2），再做输出 c_out 个通道的时间卷积
    t x 1 x 1（时间步长 `stride`，填充 t // 2）。没有偏置。
    M 按 R(2+1)D 的取法，使块的参数量与完整三维卷积大致相同：
        M = floor(t * d * d * c_in * c_out / (d * d * c_in + t * c_out))
    返回一个由 Python 整数和元组组成的字典，键见上面的英文说明。
    """
    m = (t * d * d * c_in * c_out) // (d * d * c_in + t * c_out)
    h2 = _out_len(H, d, stride, d // 2)            # the spatial convolution strides H and W
    w2 = _out_len(W, d, stride, d // 2)
    t2 = _out_len(T, t, stride, t // 2)            # the temporal convolution strides T
    return {
        "mid": m,
        "params_full": t * d * d * c_in * c_out,
        "params_factorised": d * d * c_in * m + t * m * c_out,
        "mid_shape": (m, T, h2, w2),
        "out_shape": (c_out, t2, h2, w2),
    }
