import numpy as np
from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings


def _loop(x, w):
    out = np.full(len(x), np.nan)
    for i in range(w - 1, len(x)):
        out[i] = np.mean(x[i - w + 1:i + 1])
    return out


def test_reference_values(m):
    """[1, 2, 3, 4, 5] with window 3 gives [nan, nan, 2, 3, 4]"""
    assert_close(m.rolling_mean(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 3), [np.nan, np.nan, 2.0, 3.0, 4.0])


def test_leading_nans(m):
    """window 50 on 100 losses: the first 49 values are NaN and the rest are finite"""
    out = np.asarray(m.rolling_mean(rng(0).random(100), 50), dtype=np.float64)
    assert_shape(out, (100,))
    assert_true(np.all(np.isnan(out[:49])), "the first 49 values must be NaN")
    assert_true(np.all(np.isfinite(out[49:])), "values from position 49 on must be finite")


def test_matches_loop(m):
    """matches a plain loop on 1,000 noisy values"""
    x = rng(1).normal(size=1000).cumsum()
    assert_close(m.rolling_mean(x, 20), _loop(x, 20), rtol=1e-6, atol=1e-8)


def test_window_one_is_identity(m):
    """window 1 returns the data unchanged (as floats)"""
    x = np.array([3, 1, 4, 1, 5])
    assert_close(m.rolling_mean(x, 1), x.astype(float))


def test_window_edge_cases(m):
    """window = n gives only the overall mean at the end; window > n gives all NaN"""
    x = np.array([2.0, 4.0, 9.0])
    assert_close(m.rolling_mean(x, 3), [np.nan, np.nan, 5.0], what="window = n")
    assert_close(m.rolling_mean(x, 4), [np.nan, np.nan, np.nan], what="window > n")


def test_input_untouched(m):
    """the input array is not modified"""
    x = rng(2).normal(size=30)
    x0 = x.copy()
    m.rolling_mean(x, 5)
    assert_close(x, x0, what="x after the call")
