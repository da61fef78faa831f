# -*- coding: utf-8 -*-
"""dlpath's test harness for coding tasks.

Run by dlpath as:  python3 dlpath_harness.py --learner FILE --tests FILE [--require PKG]... [--report-fd N]

It imports the learner's file, runs every ``test_*`` function of the tests file
(each takes the learner's module as its one argument) and writes one JSON object
per line to the report stream.  The learner's own output stays on stdout/stderr.

Task authors import the helpers from this module:

    from dlpath_harness import assert_close, assert_shape, assert_true, grad_check, rng, no_warnings, tr

Everything a learner reads comes in their language (DLPATH_LANG=zh or en, set by dlpath): a test's
name is its docstring's first line, with a line "zh: ..." for Chinese; messages are written
tr("English", "中文"), and the helpers' own messages are translated here.

Python >= 3.8; NumPy only where a task needs it.
"""
import os
import sys

if sys.version_info < (3, 8):  # checked before anything newer is imported, so that old Pythons get here
    sys.stderr.write(("Python %d.%d 太旧了：dlpath 的任务需要 Python 3.8 或更新版本。\n"
                      if os.environ.get("DLPATH_LANG", "").startswith("zh") else
                      "Python %d.%d is too old: dlpath's tasks need Python 3.8 or newer.\n") % sys.version_info[:2])
    sys.exit(64)

import argparse
import contextlib
import importlib.util
import json
import os
import signal
import sys
import threading
import time
import traceback
import types
import warnings

sys.dont_write_bytecode = True  # never leave __pycache__ in the learner's workspace or the curriculum

MAX_MESSAGE = 4000  # characters of one message in the report; a learner's 1 MB exception text is cut

__all__ = ["assert_close", "assert_shape", "assert_true", "grad_check", "rng", "no_warnings", "tr", "TaskFailure",
           "ArgumentChanged"]

LANG = "zh" if os.environ.get("DLPATH_LANG", "").lower().startswith("zh") else "en"


def tr(en, zh=None):
    """The text in the learner's language: tr("got %r", "得到 %r")."""
    return zh if LANG == "zh" and zh else en


def _subject(what):
    """What a message is about, ready to start a sentence: in Chinese, no space after Chinese text,
    one after code ("dw 与…", "梯度与…")."""
    what = _text(what)
    if LANG != "zh":
        return what + " "
    cjk = what and ("\u3000" <= what[-1] <= "\u9fff" or "\uff00" <= what[-1] <= "\uffef")
    return what if cjk else what + " "


def _text(x):
    """A helper argument written as a plain string, tr(...) or {"en": ..., "zh": ...}."""
    if isinstance(x, dict):
        return x.get(LANG) or x.get("en") or next(iter(x.values()), "")
    return x


class TaskFailure(AssertionError):
    """An assertion made through the helpers: its message is meant for the learner."""


# ---------------------------------------------------------------- helpers for authors

def _np():
    import numpy  # imported lazily so a task without NumPy still runs
    return numpy


def _loaded_np():
    """NumPy if the learner or the tests already imported it, else None: a helper never imports it
    itself, so a task that does not list NumPy runs on a Python without it."""
    return sys.modules.get("numpy")


def rng(seed=0):
    """A seeded NumPy Generator, so every run sees the same 'random' inputs."""
    return _np().random.default_rng(seed)


def _fmt(x):
    np = _loaded_np()
    if np is None:
        text = repr(x)
        return text if len(text) <= 400 else text[:400] + " ..."
    # dlpath sets DLPATH_REPR_WIDTH to what fits the learner's terminal beside the report's labels.
    try:
        width = max(40, min(200, int(os.environ.get("DLPATH_REPR_WIDTH", "100"))))
    except ValueError:
        width = 100
    with np.printoptions(precision=8, suppress=False, threshold=20, edgeitems=3, linewidth=width):
        return repr(np.asarray(x)) if not np.isscalar(x) else repr(x)


_RESULT = {"en": "result", "zh": "结果"}


class _Ragged(ValueError):
    pass


def _pshape(x):
    """The shape of a number or a nested list/tuple, computed without NumPy; _Ragged if uneven."""
    if isinstance(x, (list, tuple)):
        if not x:
            return (0,)
        inner = [_pshape(e) for e in x]
        if any(i != inner[0] for i in inner):
            raise _Ragged()
        return (len(x),) + inner[0]
    if hasattr(x, "shape") and isinstance(getattr(x, "shape"), tuple):
        return tuple(x.shape)
    return ()


def _pflat(x):
    """The numbers of a nested list/tuple as floats, in row-major order (TypeError if not numeric)."""
    if isinstance(x, (list, tuple)):
        out = []
        for e in x:
            out.extend(_pflat(e))
        return out
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError("not a number")
    return [float(x)]


def _unravel(flat, shape):
    idx = []
    for n in reversed(shape):
        idx.append(flat % n if n else 0)
        flat = flat // n if n else 0
    return tuple(reversed(idx))


def assert_shape(got, shape, what=_RESULT):
    np = _loaded_np()
    if np is not None:
        got_shape = np.shape(got)
    else:
        try:
            got_shape = _pshape(got)
        except _Ragged:
            raise TaskFailure(tr("%sis a ragged list (its rows differ in length), expected shape %s",
                                 "%s是长短不一的嵌套列表（各行长度不同），应为形状 %s")
                              % (_subject(what), tuple(shape)))
    if tuple(got_shape) != tuple(shape):
        raise TaskFailure(tr("%shas shape %s, expected %s", "%s的形状是 %s，应为 %s")
                          % (_subject(what), tuple(got_shape), tuple(shape)))


def assert_true(cond, message, zh=None):
    """Fails with `message` (a string, tr(...) or {"en", "zh"}; or English with `zh` beside it)."""
    if not cond:
        raise TaskFailure(tr(_text(message), zh) if zh else _text(message))


def _not_close(what, shape, size, n_bad, rtol, atol, idx, e_at, g_at, e_all, g_all):
    if not shape:
        return TaskFailure(tr("%sis not close enough to the expected value (rtol=%g, atol=%g)\n  expected: %r\n  got:      %r",
                              "%s与期望值不够接近（rtol=%g，atol=%g）\n  期望：%r\n  得到：%r")
                           % (what, rtol, atol, e_at, g_at))
    return TaskFailure(
        tr("%sis not close enough to the expected value (%d of %d elements off; rtol=%g, atol=%g)\n"
           "  worst at %s: expected %r, got %r\n  expected: %s\n  got:      %s",
           "%s与期望值不够接近（%d/%d 个元素超出误差；rtol=%g，atol=%g）\n"
           "  差得最多的位置 %s：期望 %r，得到 %r\n  期望：%s\n  得到：%s")
        % (what, n_bad, size, rtol, atol, str(tuple(int(i) for i in idx)), e_at, g_at, _fmt(e_all), _fmt(g_all)))


def _assert_close_plain(got, expected, rtol, atol, what):
    """assert_close for numbers and nested lists/tuples, with the same rules and messages, without NumPy."""
    import math
    try:
        g_shape, g = _pshape(got), _pflat(got)
    except (TypeError, ValueError, _Ragged):
        raise TaskFailure(tr("%sis not numeric: got %r", "%s不是数值：得到 %r") % (what, got))
    try:
        e_shape, e = _pshape(expected), _pflat(expected)
    except (TypeError, ValueError, _Ragged):
        raise TaskFailure("the expected value is not numeric: %r (a mistake in the task's tests)" % (expected,))
    if g_shape != e_shape:
        raise TaskFailure(tr("%shas shape %s, expected %s", "%s的形状是 %s，应为 %s") % (what, g_shape, e_shape))
    if not g:
        return
    for i, (a, b) in enumerate(zip(g, e)):
        if math.isnan(a) != math.isnan(b):
            raise TaskFailure(tr("%shas NaN where none was expected, at index %s\n  expected: %s\n  got:      %s",
                                 "%s在不该出现 NaN 的位置 %s 出现了 NaN\n  期望：%s\n  得到：%s")
                              % (what, _unravel(i, g_shape), _fmt(expected), _fmt(got)))
    worst, worst_excess, n_bad = -1, 0.0, 0
    for i, (a, b) in enumerate(zip(g, e)):
        if (math.isnan(a) and math.isnan(b)) or (math.isinf(a) and math.isinf(b) and (a > 0) == (b > 0)):
            continue
        diff = abs(a - b)
        excess = diff - (atol + rtol * abs(b)) if math.isfinite(diff) else math.inf
        if excess > 0:
            n_bad += 1
            if worst < 0 or excess > worst_excess:
                worst, worst_excess = i, excess
    if n_bad:
        raise _not_close(what, g_shape, len(g), n_bad, rtol, atol, _unravel(worst, g_shape), e[worst], g[worst],
                         expected, got)


def assert_close(got, expected, rtol=1e-6, atol=1e-8, what=_RESULT):
    """Like numpy.testing.assert_allclose, with a message that shows the worst element.
    Numbers and (nested) lists are compared without NumPy when the task does not use it."""
    if isinstance(expected, dict):  # a mapping of results: the same keys, each value close
        label = _text(what)
        if not isinstance(got, dict):
            raise TaskFailure(tr("%sshould be a dict with keys %s, got %r", "%s应是键为 %s 的 dict，得到 %r")
                              % (_subject(label), sorted(map(str, expected)), type(got).__name__))
        if set(got) != set(expected):
            raise TaskFailure(tr("%shas keys %s, expected %s", "%s的键是 %s，应为 %s")
                              % (_subject(label), sorted(map(str, got)), sorted(map(str, expected))))
        for key in expected:
            assert_close(got[key], expected[key], rtol=rtol, atol=atol, what="%s[%r]" % (label, key))
        return
    what = _subject(what)
    if got is None:
        raise TaskFailure(tr("%sis None: did you forget to return it?", "%s是 None：是不是忘了 return？") % what)
    np = _loaded_np()
    if np is None:
        return _assert_close_plain(got, expected, rtol, atol, what)
    try:
        g = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        raise TaskFailure(tr("%sis not numeric: got %r", "%s不是数值：得到 %r") % (what, got))
    e = np.asarray(expected, dtype=np.float64)
    if g.shape != e.shape:
        raise TaskFailure(tr("%shas shape %s, expected %s", "%s的形状是 %s，应为 %s") % (what, g.shape, e.shape))
    if g.size == 0:
        return
    bad_nan = np.isnan(g) != np.isnan(e)
    if bad_nan.any():
        idx = tuple(int(i) for i in np.argwhere(bad_nan)[0])
        raise TaskFailure(tr("%shas NaN where none was expected, at index %s\n  expected: %s\n  got:      %s",
                             "%s在不该出现 NaN 的位置 %s 出现了 NaN\n  期望：%s\n  得到：%s")
                          % (what, idx, _fmt(e), _fmt(g)))
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(g - e)
        allowed = atol + rtol * np.abs(e)
        both_inf = np.isinf(g) & np.isinf(e) & (np.sign(g) == np.sign(e))
        diff = np.where(both_inf | (np.isnan(g) & np.isnan(e)), 0.0, diff)
        excess = np.where(np.isfinite(diff), diff - allowed, np.inf)
    if (excess > 0).any():
        flat = int(np.argmax(excess))
        idx = np.unravel_index(flat, g.shape) if g.shape else ()
        raise _not_close(what, g.shape, g.size, int((excess > 0).sum()), rtol, atol, idx,
                         float(e[idx]) if g.shape else float(e), float(g[idx]) if g.shape else float(g), e, g)


def grad_check(f, x, analytic, eps=1e-5, tol=1e-6, what={"en": "gradient", "zh": "梯度"}):
    """Compares an analytic gradient with central differences of the scalar function f at x.

    Relative error per element: |a - n| / max(1e-8, |a| + |n|); fails above tol.
    Returns the largest relative error.  Without NumPy loaded, x is a number or a (nested) list.
    """
    what = _subject(what)
    np = _loaded_np()
    if np is None:
        return _grad_check_plain(f, x, analytic, eps, tol, what)
    x = np.array(x, dtype=np.float64)
    a = np.asarray(analytic, dtype=np.float64)
    if a.shape != x.shape:
        raise TaskFailure(tr("%shas shape %s, expected %s (the shape of the input)", "%s的形状是 %s，应为 %s（与输入相同）")
                          % (what, a.shape, x.shape))
    num = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + eps
        fp = float(f(x))
        x[i] = old - eps
        fm = float(f(x))
        x[i] = old
        num[i] = (fp - fm) / (2 * eps)
    rel = np.abs(a - num) / np.maximum(1e-8, np.abs(a) + np.abs(num))
    worst = np.unravel_index(int(np.argmax(rel)), rel.shape) if rel.shape else ()
    if float(rel[worst]) > tol:
        raise _grad_failure(what, float(rel[worst]), tol, tuple(int(i) for i in worst), float(a[worst]), float(num[worst]))
    return float(rel.max()) if rel.size else 0.0


def _grad_failure(what, rel, tol, idx, a, n):
    return TaskFailure(
        tr("%scheck failed: relative error %.3g > %g at index %s\n  analytic:  %r\n  numerical: %r",
           "%s检验没通过：相对误差 %.3g > %g，位置 %s\n  解析值：%r\n  数值解：%r")
        % (what, rel, tol, idx, a, n))


def _grad_check_plain(f, x, analytic, eps, tol, what):
    try:
        shape, flat = _pshape(x), _pflat(x)
        a_shape, a = _pshape(analytic), _pflat(analytic)
    except (TypeError, ValueError, _Ragged):
        raise TaskFailure(tr("%sis not numeric: got %r", "%s不是数值：得到 %r") % (what, analytic))
    if a_shape != shape:
        raise TaskFailure(tr("%shas shape %s, expected %s (the shape of the input)", "%s的形状是 %s，应为 %s（与输入相同）")
                          % (what, a_shape, shape))

    def build(values, shape):
        if not shape:
            return values[0]
        step = len(values) // shape[0] if shape[0] else 0
        return [build(values[k * step:(k + 1) * step], shape[1:]) for k in range(shape[0])]

    worst, worst_rel = (), 0.0
    for i in range(len(flat)):
        plus, minus = list(flat), list(flat)
        plus[i] += eps
        minus[i] -= eps
        n = (float(f(build(plus, shape))) - float(f(build(minus, shape)))) / (2 * eps)
        rel = abs(a[i] - n) / max(1e-8, abs(a[i]) + abs(n))
        if rel > worst_rel or i == 0:
            worst, worst_rel, worst_a, worst_n = _unravel(i, shape), rel, a[i], n
    if flat and worst_rel > tol:
        raise _grad_failure(what, worst_rel, tol, worst, worst_a, worst_n)
    return worst_rel


@contextlib.contextmanager
def no_warnings(what={"en": "your function", "zh": "你的函数"}):
    """Fails the test if the block emits a warning (overflow in exp, division by zero, ...).
    Also works as a decorator on a whole test: @no_warnings("softmax")."""
    np = _loaded_np()
    state = np.errstate(over="warn", invalid="warn", divide="warn", under="ignore") if np is not None else contextlib.nullcontext()
    with warnings.catch_warnings(record=True) as caught, state:
        warnings.simplefilter("always")
        yield
    if caught:
        w = caught[0]
        raise TaskFailure(tr("%semitted a warning: %s: %s", "%s产生了警告：%s：%s")
                          % (_subject(what), w.category.__name__, w.message))


# ---------------------------------------------------------------- checks on every call

class ArgumentChanged(TaskFailure):
    """The learner's function modified an array or list it was given."""


def _snapshot(x, depth=0):
    """What can be compared after the call: arrays copied, lists/tuples/dicts walked, the rest by identity."""
    np = _loaded_np()
    if np is not None and isinstance(x, np.ndarray):
        return ("a", x.copy(), x.shape, x.dtype)
    if depth < 20:
        if isinstance(x, list):
            return ("l", [_snapshot(e, depth + 1) for e in x])
        if isinstance(x, tuple):
            return ("t", [_snapshot(e, depth + 1) for e in x])
        if isinstance(x, dict):
            return ("d", {k: _snapshot(v, depth + 1) for k, v in x.items()})
        if isinstance(x, (bytearray,)):
            return ("b", bytes(x))
    return ("o", x)


def _mutable(x, depth=0):
    """Whether x is, or holds, an array, list, dict or bytearray a function could change."""
    np = _loaded_np()
    if isinstance(x, (list, dict, bytearray)) or (np is not None and isinstance(x, np.ndarray)):
        return True
    if isinstance(x, tuple) and depth < 20:
        return any(_mutable(e, depth + 1) for e in x)
    return False


def _same_value(before, now):
    """An element of a list or dict: the same object, or an equal number or string."""
    if before is now:
        return True
    import numbers
    simple = (numbers.Number, str, bytes, type(None))
    if isinstance(before, simple) and isinstance(now, simple) and type(before) is type(now):
        try:
            return bool(before == now) or (before != before and now != now)  # NaN stays NaN
        except Exception:
            return False
    return False


def _unchanged(snap, x):
    kind = snap[0]
    if kind == "a":
        np = _loaded_np()
        _, before, shape, dtype = snap
        if not isinstance(x, np.ndarray) or x.shape != shape or x.dtype != dtype:
            return False
        try:
            return bool(np.array_equal(before, x, equal_nan=True))
        except TypeError:  # equal_nan needs a numeric dtype
            return bool(np.array_equal(before, x))
    if kind == "l":
        return isinstance(x, list) and len(x) == len(snap[1]) and all(_unchanged(p, e) for p, e in zip(snap[1], x))
    if kind == "t":
        return isinstance(x, tuple) and len(x) == len(snap[1]) and all(_unchanged(p, e) for p, e in zip(snap[1], x))
    if kind == "d":
        return (isinstance(x, dict) and x.keys() == snap[1].keys()
                and all(_unchanged(snap[1][k], x[k]) for k in snap[1]))
    if kind == "b":
        return isinstance(x, bytearray) and bytes(x) == snap[1]
    return _same_value(snap[1], x)


def _arg_names(fn, args, kwargs):
    """(name, value) of each argument of a call, named as the learner's def names them."""
    import inspect
    try:
        bound = inspect.signature(fn).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return [("#%d" % (i + 1), a) for i, a in enumerate(args)] + list(kwargs.items())
    out = []
    for name, value in bound.arguments.items():
        param = bound.signature.parameters[name]
        if param.kind == param.VAR_POSITIONAL:
            out.extend(("%s[%d]" % (name, i), v) for i, v in enumerate(value))
        elif param.kind == param.VAR_KEYWORD:
            out.extend(value.items())
        else:
            out.append((name, value))
    return out


class _CallChecks(object):
    """Wraps the learner's functions so that each call from a test is checked; remembers what it found."""

    def __init__(self):
        self.found = None  # the first ArgumentChanged of the current test

    def wrap(self, fn):
        import functools
        checks = self

        @functools.wraps(fn)
        def checked(*args, **kwargs):
            watched = [(name, value, _snapshot(value)) for name, value in _arg_names(fn, args, kwargs) if _mutable(value)]
            result = fn(*args, **kwargs)
            for name, value, snap in watched:
                if not _unchanged(snap, value):
                    exc = ArgumentChanged(
                        tr("your function changed its argument `%s` (in %s): the caller's data must stay as it was. "
                           "Work on a copy (e.g. %s = %s.copy()) or build a new result, and return it.",
                           "你的函数修改了它的参数 `%s`（在 %s 中）：调用者传入的数据必须保持原样。"
                           "请在副本上计算（例如 %s = %s.copy()）或新建结果，再 return。")
                        % (name, fn.__name__, name.split("[")[0], name.split("[")[0]))
                    exc.line = getattr(getattr(fn, "__code__", None), "co_firstlineno", None)
                    if checks.found is None:
                        checks.found = exc
                    raise exc
            return result
        return checked


class _CheckedModule(types.ModuleType):
    """What a test receives as `m`: the learner's module, whose own functions are checked on every call."""

    def __init__(self, module, checks):
        types.ModuleType.__init__(self, module.__name__)
        object.__setattr__(self, "_dlpath_module", module)
        object.__setattr__(self, "_dlpath_checks", checks)
        object.__setattr__(self, "_dlpath_cache", {})

    def __getattribute__(self, name):
        if name in ("_dlpath_module", "_dlpath_checks", "_dlpath_cache", "__class__"):
            return object.__getattribute__(self, name)
        module = object.__getattribute__(self, "_dlpath_module")
        value = getattr(module, name)
        if (isinstance(value, types.FunctionType) and getattr(value, "__module__", None) == module.__name__):
            cache = object.__getattribute__(self, "_dlpath_cache")
            hit = cache.get(name)
            if hit is None or hit[0] is not value:
                hit = (value, object.__getattribute__(self, "_dlpath_checks").wrap(value))
                cache[name] = hit
            return hit[1]
        return value

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, "_dlpath_module"), name, value)

    def __delattr__(self, name):
        delattr(object.__getattribute__(self, "_dlpath_module"), name)

    def __dir__(self):
        return dir(object.__getattribute__(self, "_dlpath_module"))


# ---------------------------------------------------------------- the runner

_MAIN_PID = os.getpid()


def _cut(text):
    if isinstance(text, str) and len(text) > MAX_MESSAGE:
        return text[:MAX_MESSAGE] + "\n... (%d more characters)" % (len(text) - MAX_MESSAGE)
    return text


def _emit(stream, obj):
    if os.getpid() != _MAIN_PID:  # a process the learner forked must not speak for the harness
        os._exit(0)
    if "message" in obj:
        obj["message"] = _cut(obj["message"])
    stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stream.flush()


def _leave_if_forked():
    """A child the learner forked that returned into the harness stops here, silently."""
    if os.getpid() != _MAIN_PID:
        os._exit(0)


def _watch_parent():
    """Kills this process group when dlpath goes away, so no learner loop outlives it."""
    if not hasattr(os, "getppid") or os.name != "posix":
        return
    parent = os.getppid()

    def loop():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                try:
                    if os.getpgrp() == _MAIN_PID:
                        os.killpg(_MAIN_PID, signal.SIGKILL)
                finally:
                    os._exit(1)

    threading.Thread(target=loop, name="dlpath-parent-watch", daemon=True).start()


def _learner_trace(exc, learner_path):
    """The traceback of exc, trimmed to the frames in the learner's file."""
    frames = traceback.extract_tb(exc.__traceback__)
    learner = os.path.realpath(learner_path)
    mine = [fr for fr in frames if os.path.realpath(fr.filename) == learner]
    lines = []
    for fr in mine:
        lines.append('  line %d, in %s\n    %s' % (fr.lineno, fr.name, (fr.line or "").strip()))
    lines.append("".join(traceback.format_exception_only(type(exc), exc)).strip())
    return "\n".join(lines), (mine[-1].lineno if mine else None)


def _doc(fn):
    """The test's name for the learner: the docstring's first line, or its "zh:" line in Chinese."""
    lines = [l.strip() for l in (fn.__doc__ or "").strip().splitlines()]
    if LANG == "zh":
        for l in lines:
            if l.startswith("zh:"):
                return l[3:].strip()
    return lines[0] if lines else ""


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def main(argv=None):
    ap = argparse.ArgumentParser(description="dlpath test harness")
    ap.add_argument("--learner", required=True)
    ap.add_argument("--tests", required=True)
    ap.add_argument("--require", action="append", default=[])
    ap.add_argument("--report-fd", type=int, default=None)
    ap.add_argument("--in-place", action="store_true",
                    help="the task's functions change their arguments by contract: do not check that they do not")
    args = ap.parse_args(argv)

    if args.report_fd:
        try:
            os.set_inheritable(args.report_fd, False)  # programs the learner starts do not get it
        except OSError:
            pass
        report = os.fdopen(args.report_fd, "w", encoding="utf-8")
    else:
        report = sys.__stderr__
    sys.modules.setdefault("dlpath_harness", sys.modules[__name__])
    _watch_parent()

    missing = [p for p in args.require if importlib.util.find_spec(p) is None]
    _emit(report, {"event": "env", "python": sys.version.split()[0], "missing": missing})
    if missing:
        _emit(report, {"event": "done"})
        return 0

    learner_dir = os.path.dirname(os.path.abspath(args.learner))
    sys.path.insert(0, learner_dir)
    try:
        learner = _load("learner", args.learner)
    except SyntaxError as exc:
        _emit(report, {"event": "load", "status": "syntax", "message": exc.msg, "line": exc.lineno,
                       "column": exc.offset, "text": (exc.text or "").rstrip("\n")})
        _emit(report, {"event": "done"})
        return 0
    except BaseException as exc:  # the learner's module failed while being imported
        if isinstance(exc, KeyboardInterrupt):
            raise
        _leave_if_forked()
        trace, line = _learner_trace(exc, args.learner)
        if isinstance(exc, SystemExit):
            trace = "your file called exit() while being imported (SystemExit: %s)" % (exc.code,)
        _emit(report, {"event": "load", "status": "error", "message": trace, "line": line})
        _emit(report, {"event": "done"})
        return 0
    _leave_if_forked()
    _emit(report, {"event": "load", "status": "ok"})

    try:
        tests = _load("dlpath_task_tests", args.tests)
    except BaseException as exc:  # the task's own tests are broken: the author's problem, not the learner's
        if isinstance(exc, KeyboardInterrupt):
            raise
        _leave_if_forked()
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
        _emit(report, {"event": "tests", "status": "error", "message": "".join(tb[-3:]).strip()})
        _emit(report, {"event": "done"})
        return 0
    names = [n for n, v in vars(tests).items() if n.startswith("test_") and isinstance(v, types.FunctionType)]
    names.sort(key=lambda n: getattr(tests, n).__code__.co_firstlineno)
    docs = [_doc(getattr(tests, n)) for n in names]
    _emit(report, {"event": "plan", "tests": names, "docs": docs})
    checks = _CallChecks()
    # Every call a test makes of the learner's own functions is checked for changing its arguments,
    # unless the task's contract is in place (module.yaml: in_place: true).
    subject = learner if args.in_place else _CheckedModule(learner, checks)
    for name, doc in zip(names, docs):
        fn = getattr(tests, name)
        _emit(report, {"event": "start", "test": name})
        t0 = time.perf_counter()
        result = {"event": "result", "test": name, "doc": doc}
        checks.found = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default")
                fn(subject)
            result["status"] = "passed"
        except NotImplementedError as exc:
            result.update(status="todo", message=str(exc) or "NotImplementedError")
        except AssertionError as exc:
            trace, line = _learner_trace(exc, args.learner)
            msg = str(exc) or "assertion failed"
            if not isinstance(exc, TaskFailure) and line is not None:
                msg = trace
            result.update(status="failed", message=msg, line=line)
        except RecursionError as exc:
            result.update(status="error", message="RecursionError: " + str(exc))
        except SystemExit as exc:
            _leave_if_forked()
            trace, line = _learner_trace(exc, args.learner)
            result.update(status="error", line=line,
                          message="your code called exit() (SystemExit: %s); return a value instead" % (exc.code,))
        except Exception as exc:
            trace, line = _learner_trace(exc, args.learner)
            result.update(status="error", message=trace, line=line)
        _leave_if_forked()
        if checks.found is not None:  # said even when the test caught the failure and went on
            result.update(status="failed", message=str(checks.found), line=checks.found.line)
        result["ms"] = round((time.perf_counter() - t0) * 1000, 1)
        _emit(report, result)
    _emit(report, {"event": "done"})
    return 0


if __name__ == "__main__":
    code = main()
    # Leave at once: threads the learner started must not keep the check waiting.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(code)
