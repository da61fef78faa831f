import numpy as np


def numerical_grad(f, x, eps=1e-5):
    """Gradient of the scalar function f at x, by central differences.

    f takes an array shaped like x and returns a number. Return an array of
    floats with the same shape as x, where element i is
    (f(x + eps·eᵢ) − f(x − eps·eᵢ)) / (2·eps). Do not modify the caller's x.

    用中心差分计算标量函数 f 在 x 处的梯度。
    f 接受一个与 x 形状相同的数组并返回一个数。返回与 x 形状相同的浮点数组，
    第 i 个元素为 (f(x + eps·eᵢ) − f(x − eps·eᵢ)) / (2·eps)。不要修改调用者传入的 x。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
