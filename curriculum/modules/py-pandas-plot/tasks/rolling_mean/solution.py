import numpy as np


def rolling_mean(x, window):
    """Trailing moving average with a cumulative sum (reference solution).

    用累加和计算尾随滑动平均（参考答案）。
    """
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    out = np.full(n, np.nan)
    if window > n:
        return out
    c = np.concatenate([[0.0], np.cumsum(x)])
    out[window - 1:] = (c[window:] - c[:-window]) / window      # sum of each window / window
    return out
