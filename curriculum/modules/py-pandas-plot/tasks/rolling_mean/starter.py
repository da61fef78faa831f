import numpy as np


def rolling_mean(x, window):
    """Trailing moving average, like pandas Series.rolling(window).mean() on data without NaN.

    x: 1-D array of length n; window: int ≥ 1. Returns a float64 array of length n where
    out[i] = mean(x[i−window+1 : i+1]) for i ≥ window−1, and out[i] = NaN for the first window−1
    positions (not enough values yet). If window > n, every value is NaN.

    尾随滑动平均，与 pandas 的 Series.rolling(window).mean() 在无缺失值数据上的结果一致。
    x：长度为 n 的一维数组；window：整数，≥ 1。返回长度为 n 的 float64 数组：i ≥ window−1 时
    out[i] = mean(x[i−window+1 : i+1])；前 window−1 个位置（数值还不够）为 NaN。
    window > n 时全部为 NaN。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
