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
           "learner_steps", "learner_modules",
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


def _call_signature(fn):
    import inspect
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


def _arg_names(sig, args, kwargs):
    """(name, value) of each argument of a call, named as the learner's def names them."""
    try:
        bound = sig.bind(*args, **kwargs)
    except (AttributeError, TypeError, ValueError):
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
        sig = _call_signature(fn)  # once per function: a test may call it thousands of times

        @functools.wraps(fn)
        def checked(*args, **kwargs):
            watched = [(name, value, _snapshot(value)) for name, value in _arg_names(sig, args, kwargs) if _mutable(value)]
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


# ---------------------------------------------------------------- measuring the learner's code

_PEER = []  # the judge's link to the worker, once it runs


def learner_steps(fn, *args, **kwargs):
    """How many Python lines and calls run in the learner's file while fn(*args, **kwargs) runs (fn is
    the learner's function, run in the learner's process): a loop, map or comprehension over the data
    anywhere in that file adds steps for every element; NumPy's own work adds none."""
    import inspect
    target = inspect.unwrap(fn)
    h = getattr(target, "_dlpath_handle", None)
    if _PEER and h is not None:
        return _PEER[0].request("steps", h=h, a=list(args), k=kwargs)
    return _count_steps(getattr(getattr(target, "__code__", None), "co_filename", ""), target, args, kwargs)


def learner_modules():
    """The names of the modules loaded in the learner's process (e.g. to see that it imported torch)."""
    if _PEER:
        return set(_PEER[0].request("modules", h=0))
    return set(sys.modules)


def _count_steps(filename, fn, args, kwargs):
    mine = os.path.realpath(filename)
    seen = {}
    count = [0]

    def local(frame, event, arg):
        count[0] += 1
        return local

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        if name not in seen:
            seen[name] = os.path.realpath(name) == mine
        if not seen[name]:
            return None
        count[0] += 1
        return local

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args, **kwargs)
    finally:
        sys.settrace(old)
    return count[0]



# ---------------------------------------------------------------- the runner
#
# Two processes.  The judge (this process, started by dlpath) holds the report channel, reads the tests
# file and runs it; it never runs a line of the learner's code.  The learner's file is imported in a
# second process, the worker, which the judge starts without the report channel.  A test's `m` is a
# stand-in: `m.f(x)` sends x to the worker, calls the learner's f there and sends the result back as
# plain data (numbers, strings, lists, dicts, NumPy arrays), so whatever the learner's code does to its
# own process (patching the helpers, json or NumPy, writing to a pipe) cannot change a verdict.
# Changes the learner's function makes to its arguments are copied back, so tests that check them
# still see them.  Objects that are not plain data stay where they are and are used through a handle.

_MAIN_PID = os.getpid()
MAX_FRAME = 512 * 1024 * 1024  # bytes of one message between judge and worker; a 10 GB result is refused


def _cut(text):
    if isinstance(text, str) and len(text) > MAX_MESSAGE:
        return text[:MAX_MESSAGE] + "\n... (%d more characters)" % (len(text) - MAX_MESSAGE)
    return text


class _Report(object):
    """The report channel: one JSON object a line, each line signed with a key only dlpath and the
    judge know (read from stdin at start), numbered, so a line that someone else wrote is refused."""

    def __init__(self, stream, key):
        self.stream, self.key, self.seq = stream, key, 0

    def emit(self, obj):
        if "message" in obj:
            obj["message"] = _cut(obj["message"])
        line = json.dumps(obj, ensure_ascii=False)
        if self.key:
            import hashlib
            import hmac
            mac = hmac.new(self.key, ("%d\n" % self.seq).encode() + line.encode("utf-8"), hashlib.sha256).hexdigest()
            line = mac + " " + line
        self.seq += 1
        self.stream.write(line + "\n")
        self.stream.flush()


# ------------------------------------------------ processes: nothing the learner starts outlives the check

def _linux():
    return sys.platform.startswith("linux")


def _become_subreaper():
    """Orphans among our descendants (a double fork, setsid) become our children, so they can be found."""
    if not _linux():
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except Exception:
        return False


def _descendants():
    """(pid, is_zombie) of every process below this one, from /proc."""
    kids = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for d in entries:
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        rest = stat[stat.rfind(b")") + 2:].split()
        if len(rest) < 2:
            continue
        kids.setdefault(int(rest[1]), []).append((int(d), rest[0] == b"Z"))
    out, stack = [], [os.getpid()]
    while stack:
        for pid, zombie in kids.get(stack.pop(), []):
            out.append((pid, zombie))
            stack.append(pid)
    return out


def _end_descendants():
    """Kills every process below this one, however it detached, and reaps them."""
    for _ in range(200):
        alive = [pid for pid, zombie in _descendants() if not zombie]
        for pid in alive:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except (ChildProcessError, OSError):
                break
            if pid == 0:
                break
        if not alive and not _descendants():
            return
        time.sleep(0.005)


_ending = []
_TMP = []  # the worker's temporary folder, removed at the end


def _end(code):
    """Ends the check: every descendant first, then this process."""
    if not _ending:
        _ending.append(1)
        try:
            _end_descendants()
            if _TMP:
                import shutil
                shutil.rmtree(_TMP[0], ignore_errors=True)
        except Exception:
            pass
    os._exit(code)


def _watch_parent():
    """When dlpath goes away, ends everything the check started."""
    if not hasattr(os, "getppid") or os.name != "posix":
        return
    parent = os.getppid()

    def loop():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                _end(1)

    threading.Thread(target=loop, name="dlpath-parent-watch", daemon=True).start()


# ------------------------------------------------ the worker's sandbox (Linux with Landlock)

def _landlock(writable):
    """Where the kernel allows it, the worker and every process it starts may write only below the
    given folders (not the course, not dlpath's data) and may not signal or trace the judge or dlpath.
    Returns the Landlock ABI version in force, 0 where there is none."""
    if not _linux():
        return 0
    try:
        import ctypes
        import platform
        if platform.machine() not in ("x86_64", "aarch64", "arm64", "riscv64"):
            return 0
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        abi = libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))  # landlock_create_ruleset: version
        if abi < 1:
            return 0
        write = (1 << 1) | (1 << 4) | (1 << 5) | sum(1 << b for b in range(6, 13))  # write, remove, make
        if abi >= 2:
            write |= 1 << 13  # refer
        if abi >= 3:
            write |= 1 << 14  # truncate
        scoped = 0b11 if abi >= 6 else 0  # abstract unix sockets, signals

        class Attr(ctypes.Structure):
            _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]

        class Beneath(ctypes.Structure):
            _pack_ = 1
            _fields_ = [("allowed", ctypes.c_uint64), ("fd", ctypes.c_int32)]

        attr = Attr(write, 0, scoped)
        size = 24 if abi >= 6 else (16 if abi >= 4 else 8)
        rs = libc.syscall(444, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
        if rs < 0:
            return 0
        try:
            for d in writable:
                try:
                    fd = os.open(d, os.O_PATH | os.O_CLOEXEC | os.O_DIRECTORY)
                except OSError:
                    continue
                try:
                    rule = Beneath(write, fd)
                    libc.syscall(445, ctypes.c_int(rs), ctypes.c_int(1), ctypes.byref(rule), ctypes.c_uint32(0))
                finally:
                    os.close(fd)
            if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
                return 0
            if libc.syscall(446, ctypes.c_int(rs), ctypes.c_uint32(0)) != 0:
                return 0
        finally:
            os.close(rs)
        return abi
    except Exception:
        return 0


# ------------------------------------------------ messages between judge and worker

class _Channel(object):
    """Framed messages over a pair of pipes: a JSON header and raw buffers (array data)."""

    def __init__(self, rfd, wfd):
        self.r = os.fdopen(rfd, "rb", buffering=0)
        self.w = os.fdopen(wfd, "wb", buffering=0)

    def _read(self, n):
        chunks, got = [], 0
        while got < n:
            b = self.r.read(min(n - got, 1 << 20))
            if not b:
                raise EOFError()
            chunks.append(b)
            got += len(b)
        return b"".join(chunks)

    def send(self, head, bufs):
        head = dict(head)
        head["bufs"] = [len(b) for b in bufs]
        data = json.dumps(head, ensure_ascii=True, allow_nan=True).encode("ascii")
        total = len(data) + sum(len(b) for b in bufs)
        if total > MAX_FRAME:
            raise _TooLarge(total)
        parts = [len(data).to_bytes(8, "big"), data] + list(bufs)
        for p in parts:
            view = memoryview(p)
            while len(view):
                n = self.w.write(view)
                view = view[n:]

    def recv(self):
        n = int.from_bytes(self._read(8), "big")
        if n > MAX_FRAME:
            raise EOFError()
        head = json.loads(self._read(n).decode("ascii"))
        lens = head.get("bufs", [])
        if not isinstance(lens, list) or sum(int(x) for x in lens) > MAX_FRAME:
            raise EOFError()
        return head, [self._read(int(x)) for x in lens]


class _TooLarge(Exception):
    pass


_PLAIN_KINDS = "biufcmMSU"


class _Codec(object):
    """Turns values into JSON-able trees plus buffers and back.  Anything that is not plain data is
    kept in `exported` and sent as a handle; a handle that comes back is the object itself.  Decoding
    builds only plain data and stand-ins: it never runs code that came over the channel."""

    def __init__(self, peer):
        self.exported = {}
        self.by_id = {}
        self.peer = peer  # makes stand-ins for the other side's handles
        self.proxies = {}

    # -- encoding
    def encode(self, x, bufs, memo=None, depth=0):
        if memo is None:
            memo = {}
        t = type(x)
        if x is None or t is bool or t is str:
            return x
        if t is int:
            return x if -(1 << 62) < x < (1 << 62) else {"$big": str(x)}
        if t is float:
            return x
        if depth > 64:
            return self.export(x)
        np = sys.modules.get("numpy")
        key = id(x)
        if key in memo:
            return {"$ref": memo[key][0]}
        if isinstance(x, _Stand):
            return {"$back": object.__getattribute__(x, "_h")}
        if np is not None:
            if isinstance(x, np.ndarray) and type(x) is np.ndarray:
                memo[key] = (len(memo), x)
                if x.dtype.kind in _PLAIN_KINDS and x.dtype.fields is None and not x.dtype.hasobject:
                    bufs.append(np.ascontiguousarray(x).tobytes())
                    return {"$a": x.dtype.str, "s": list(x.shape), "b": len(bufs) - 1, "id": memo[key][0]}
                if x.dtype.kind == "O":
                    return {"$ao": list(x.shape), "v": [self.encode(e, bufs, memo, depth + 1) for e in x.ravel().tolist()],
                            "id": memo[key][0]}
                return self.export(x)
            if isinstance(x, np.generic):
                if x.dtype.kind in _PLAIN_KINDS and x.dtype.fields is None:
                    bufs.append(x.tobytes())
                    return {"$n": x.dtype.str, "b": len(bufs) - 1}
                return self.export(x)
            if isinstance(x, np.dtype):
                return {"$dt": x.str} if x.fields is None and not x.hasobject else self.export(x)
            if isinstance(x, type) and issubclass(x, np.generic):
                try:
                    return {"$nt": np.dtype(x).str}
                except TypeError:
                    return self.export(x)
        if t is list:
            memo[key] = (len(memo), x)
            return {"$l": [self.encode(e, bufs, memo, depth + 1) for e in x], "id": memo[key][0]}
        if t is tuple:
            return {"$t": [self.encode(e, bufs, memo, depth + 1) for e in x]}
        if t is dict:
            memo[key] = (len(memo), x)
            return {"$d": [[self.encode(k, bufs, memo, depth + 1), self.encode(v, bufs, memo, depth + 1)]
                           for k, v in x.items()], "id": memo[key][0]}
        if t in (set, frozenset):
            return {"$s" if t is set else "$fs": [self.encode(e, bufs, memo, depth + 1) for e in x]}
        if t is bytes:
            bufs.append(x)
            return {"$by": len(bufs) - 1}
        if t is bytearray:
            bufs.append(bytes(x))
            return {"$ba": len(bufs) - 1}
        if t is complex:
            return {"$c": [x.real, x.imag]}
        if t is slice:
            return {"$sl": [self.encode(v, bufs, memo, depth + 1) for v in (x.start, x.stop, x.step)]}
        if t is range:
            return {"$r": [x.start, x.stop, x.step]}
        if x is Ellipsis:
            return {"$e": 1}
        if t is types.ModuleType and sys.modules.get(getattr(x, "__name__", None)) is x and x.__name__ != "learner":
            d = self.export(x)
            d["$mod"] = x.__name__  # `m.np is np`: a module is the other side's module of that name, if loaded
            return d
        # int, float and str subclasses (a learner's own, or bool-like) travel as their plain value
        if isinstance(x, bool):
            return bool(x)
        if isinstance(x, int):
            return self.encode(int(x), bufs, memo, depth)
        if isinstance(x, float):
            return float(x)
        if isinstance(x, str):
            return str(x)
        return self.export(x)

    def export(self, x):
        h = self.by_id.get(id(x))
        if h is None:
            h = len(self.exported) + 1
            self.exported[h] = x
            self.by_id[id(x)] = h
        desc = {"$h": h, "type": type(x).__name__}
        if callable(x) and not isinstance(x, type):
            code = getattr(x, "__code__", None)
            desc["fn"] = {"name": getattr(x, "__name__", "function"), "qualname": getattr(x, "__qualname__", None),
                          "module": getattr(x, "__module__", None), "doc": getattr(x, "__doc__", None)
                          if isinstance(getattr(x, "__doc__", None), str) else None,
                          "file": code.co_filename if code is not None else None,
                          "line": code.co_firstlineno if code is not None else None,
                          "sig": _signature_data(x)}
        return desc

    # -- decoding
    def decode(self, t, bufs, memo=None, depth=0):
        if memo is None:
            memo = {}
        if t is None or isinstance(t, (bool, int, float, str)):
            return t
        if depth > 200:
            raise ValueError("value nested too deeply")
        if not isinstance(t, dict):
            raise ValueError("malformed value")
        if "$ref" in t:
            return memo[int(t["$ref"])]
        if "$big" in t:
            s = str(t["$big"])
            if len(s) > 5000:
                raise ValueError("integer too large")
            return int(s)
        if "$a" in t or "$n" in t or "$dt" in t or "$nt" in t or "$ao" in t:
            np = _np()
            if "$ao" in t:
                shape = tuple(int(v) for v in t["s" if "s" in t else "$ao"])
                out = np.empty(shape, dtype=object)
                memo[int(t["id"])] = out
                flat = out.reshape(-1)
                for i, e in enumerate(t["v"]):
                    flat[i] = self.decode(e, bufs, memo, depth + 1)
                return out
            dt = np.dtype(str(t.get("$a") or t.get("$n") or t.get("$dt") or t.get("$nt")))
            if dt.hasobject or dt.fields is not None or dt.kind not in _PLAIN_KINDS:
                raise ValueError("unsupported dtype")
            if "$dt" in t:
                return dt
            if "$nt" in t:
                return dt.type
            raw = bufs[int(t["b"])]
            if "$n" in t:
                return np.frombuffer(raw, dtype=dt, count=1)[0]
            shape = tuple(int(v) for v in t["s"])
            out = np.frombuffer(raw, dtype=dt).reshape(shape).copy()
            memo[int(t["id"])] = out
            return out
        if "$l" in t:
            out = []
            memo[int(t["id"])] = out
            out.extend(self.decode(e, bufs, memo, depth + 1) for e in t["$l"])
            return out
        if "$t" in t:
            return tuple(self.decode(e, bufs, memo, depth + 1) for e in t["$t"])
        if "$d" in t:
            out = {}
            memo[int(t["id"])] = out
            for k, v in t["$d"]:
                out[self.decode(k, bufs, memo, depth + 1)] = self.decode(v, bufs, memo, depth + 1)
            return out
        if "$s" in t:
            return set(self.decode(e, bufs, memo, depth + 1) for e in t["$s"])
        if "$fs" in t:
            return frozenset(self.decode(e, bufs, memo, depth + 1) for e in t["$fs"])
        if "$by" in t:
            return bytes(bufs[int(t["$by"])])
        if "$ba" in t:
            return bytearray(bufs[int(t["$ba"])])
        if "$c" in t:
            return complex(float(t["$c"][0]), float(t["$c"][1]))
        if "$sl" in t:
            return slice(*[self.decode(v, bufs, memo, depth + 1) for v in t["$sl"]])
        if "$r" in t:
            return range(*[int(v) for v in t["$r"]])
        if "$e" in t:
            return Ellipsis
        if "$back" in t:
            return self.exported[int(t["$back"])]
        if "$mod" in t:
            mod = sys.modules.get(str(t["$mod"]))
            if mod is not None and str(t["$mod"]) not in ("learner", "__main__", "dlpath_harness"):
                return mod
            t = {"$h": t["$h"], "type": "module"}
        if "$h" in t:
            h = int(t["$h"])
            p = self.proxies.get(h)
            if p is None:
                p = self.peer.stand_in(h, t)
                self.proxies[h] = p
            return p
        raise ValueError("malformed value")


def _signature_data(fn):
    """The parameters of fn as plain data: [name, kind, has_default]."""
    try:
        import inspect
        return [[p.name, int(p.kind), p.default is not p.empty] for p in inspect.signature(fn).parameters.values()]
    except (TypeError, ValueError):
        return None


class _RemoteError(Exception):
    """An exception raised by code on the other side; `trace` and `line` are the learner's."""
    trace = None
    line = None


_error_classes = {}


def _error_class(name):
    """An exception class for the other side's error: a subclass of the builtin one of that name (so a
    test's `except ValueError` works) and of _RemoteError."""
    import builtins
    if name in _error_classes:
        return _error_classes[name]
    base = getattr(builtins, name, None)
    cls = _RemoteError
    if isinstance(base, type) and issubclass(base, Exception) and base is not Exception:
        try:
            cls = type(name, (base, _RemoteError), {"__module__": "builtins"})
        except TypeError:
            cls = _RemoteError
    _error_classes[name] = cls
    return cls


class LearnerExit(_RemoteError):
    """The learner's code called exit() or raised a BaseException."""


class WorkerGone(Exception):
    """The process running the learner's code ended."""


def _warning_class(name, module):
    import builtins
    cls = getattr(builtins, name, None)
    if not (isinstance(cls, type) and issubclass(cls, Warning)) and module and module.startswith("numpy"):
        np = sys.modules.get("numpy")
        for where in (np, getattr(np, "exceptions", None)):
            c = getattr(where, name, None)
            if isinstance(c, type) and issubclass(c, Warning):
                cls = c
                break
    return cls if isinstance(cls, type) and issubclass(cls, Warning) else UserWarning


class _Peer(object):
    """One side of the conversation: sends requests, serves the other side's requests while it waits."""

    def __init__(self, channel, learner_path=None, worker=False):
        self.ch = channel
        self.codec = _Codec(self)
        self.learner_path = learner_path
        self.worker = worker
        self.root = None  # worker: the learner's module
        self.pid = os.getpid()

    # -- requests
    def request(self, op, **fields):
        self.send_request(op, **fields)
        return self.wait(fields.get("a"), fields.get("k"))

    def send_request(self, op, **fields):
        if self.worker and os.getpid() != self.pid:
            os._exit(0)
        bufs = []
        head = {"op": op}
        for k, v in fields.items():
            head[k] = self.codec.encode(v, bufs) if k in ("v", "a", "k") else v
        if not self.worker:
            np = sys.modules.get("numpy")
            if np is not None:
                head["err"] = np.geterr()
        try:
            self.ch.send(head, bufs)
        except (BrokenPipeError, OSError):
            raise WorkerGone()

    def wait(self, args=None, kwargs=None):
        while True:
            try:
                head, bufs = self.ch.recv()
            except (EOFError, OSError, ValueError):
                if self.worker:
                    os._exit(0)
                raise WorkerGone()
            if "op" in head:
                self.serve(head, bufs)
                continue
            return self.reply_value(head, bufs, args, kwargs)

    def reply_value(self, head, bufs, args, kwargs):
        for name, module, message, filename, lineno in head.get("w", []):
            warnings.warn_explicit(str(message), _warning_class(name, module), str(filename), int(lineno or 0))
        memo = {}
        if "sync" in head and args is not None:
            try:
                new_a = self.codec.decode(head["sync"][0], bufs, memo)
                new_k = self.codec.decode(head["sync"][1], bufs, memo)
                for old, new in zip(args, new_a):
                    _apply_into(old, new)
                for k in kwargs or {}:
                    if k in new_k:
                        _apply_into(kwargs[k], new_k[k])
            except (ValueError, KeyError, IndexError, TypeError):
                pass
        if "x" in head:
            x = head["x"]
            cls = LearnerExit if x.get("exit") else _error_class(str(x.get("type", "Exception")))
            exc = cls(str(x.get("msg", "")))
            exc.trace = x.get("trace")
            exc.line = x.get("line")
            exc.type_name = x.get("type")
            raise exc
        return self.codec.decode(head.get("r"), bufs, {})

    # -- serving
    def serve(self, head, bufs):
        op = head.get("op")
        caught = []
        args = kwargs = None
        try:
            if not self.worker and (op in ("import", "setattr") or str(head.get("name", "")).startswith("_")):
                # The learner's side may call what a test handed it and read its public attributes; no more
                # (through `__globals__` or `__subclasses__` it would reach the judge's own code).
                raise PermissionError("dlpath: %s is not available on objects from the tests" % op)
            if op == "import":
                value = self.import_learner(head["path"], head["source"], head.get("writable") or [])
            else:
                h = int(head.get("h", 0))
                obj = self.root if h == 0 else self.codec.exported[h]
                np = sys.modules.get("numpy")
                err = head.get("err")
                state = np.errstate(**err) if (np is not None and isinstance(err, dict)) else contextlib.nullcontext()
                with warnings.catch_warnings(record=True) as caught, state:
                    warnings.simplefilter("always")
                    if op == "getattr":
                        value = getattr(obj, str(head["name"]))
                    elif op == "setattr":
                        setattr(obj, str(head["name"]), self.codec.decode(head["v"], bufs))
                        value = None
                    elif op == "call":
                        memo = {}
                        args = self.codec.decode(head["a"], bufs, memo)
                        kwargs = self.codec.decode(head["k"], bufs, memo)
                        value = obj(*args, **kwargs)
                    elif op == "getitem":
                        value = obj[self.codec.decode(head["v"], bufs)]
                    elif op == "len":
                        value = len(obj)
                    elif op == "iter":
                        value = list(iter(obj))[:1000000]
                    elif op == "repr":
                        value = repr(obj)[:2000]
                    elif op == "str":
                        value = str(obj)[:2000]
                    elif op == "array":
                        value = _np().asarray(obj)
                    elif op == "num":
                        value = {"float": float, "int": int, "bool": bool, "index": operator_index()}[head["kind"]](obj)
                    elif op == "dir":
                        value = sorted(str(n) for n in dir(obj))
                    elif op == "steps" and self.worker:
                        memo = {}
                        value = _count_steps(self.learner_path, obj, self.codec.decode(head["a"], bufs, memo),
                                             self.codec.decode(head["k"], bufs, memo))
                    elif op == "modules" and self.worker:
                        value = sorted(str(n) for n in sys.modules)
                    else:
                        raise ValueError("unknown request %r" % (op,))
            bufs_out = []
            reply = {"r": self.codec.encode(value, bufs_out)}
            if args is not None:
                memo = {}
                reply["sync"] = [self.codec.encode(args, bufs_out, memo), self.codec.encode(kwargs, bufs_out, memo)]
        except BaseException as exc:
            if not self.worker and isinstance(exc, KeyboardInterrupt):
                raise
            bufs_out = []
            reply = {"x": self.describe(exc)}
        if self.worker and os.getpid() != self.pid:
            os._exit(0)  # a process the learner forked that returned into the worker: it must not answer too
        reply["w"] = [[w.category.__name__, w.category.__module__, str(w.message)[:2000], str(w.filename), w.lineno]
                      for w in (caught or [])][:50]
        try:
            self.ch.send(reply, bufs_out)
        except _TooLarge as exc:
            self.ch.send({"x": {"type": "MemoryError", "msg": "the value is too large to check (%d MB)" % (exc.args[0] >> 20)},
                          "w": []}, [])

    def describe(self, exc):
        trace, line = _learner_trace(exc, self.learner_path) if self.learner_path else (str(exc), None)
        return {"type": type(exc).__name__, "msg": str(exc)[:MAX_MESSAGE], "trace": _cut(trace), "line": line,
                "exit": not isinstance(exc, Exception)}

    def import_learner(self, path, source, writable):
        """Worker: runs the learner's file as the module `learner`."""
        self.learner_path = path
        _landlock(writable)
        sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
        mod = types.ModuleType("learner")
        mod.__file__ = path
        sys.modules["learner"] = mod
        try:
            code = compile(source, path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            return {"status": "syntax", "message": exc.msg, "line": exc.lineno, "column": exc.offset,
                    "text": (exc.text or "").rstrip("\n")}
        except (ValueError, UnicodeError) as exc:
            return {"status": "error", "message": str(exc), "line": None}
        try:
            exec(code, mod.__dict__)
        except BaseException as exc:  # the learner's module failed while being imported
            trace, line = _learner_trace(exc, path)
            if isinstance(exc, SystemExit):
                trace = "your file called exit() while being imported (SystemExit: %s)" % (exc.code,)
            return {"status": "error", "message": trace, "line": line}
        self.root = mod
        return {"status": "ok"}

    # -- stand-ins for the other side's objects
    def stand_in(self, h, desc):
        fn = desc.get("fn")
        if fn is not None:
            return _remote_function(self, h, fn)
        return _Stand(self, h, desc.get("type", "object"))


def operator_index():
    import operator
    return operator.index


def _apply_into(old, new):
    """Makes `old` look like `new` in place where it can (arrays, lists, dicts); whether it could."""
    if old is new:
        return True
    np = sys.modules.get("numpy")
    if np is not None and isinstance(old, np.ndarray):
        if isinstance(new, np.ndarray) and old.shape == new.shape and old.dtype == new.dtype:
            if not np.array_equal(old, new, equal_nan=old.dtype.kind in "fc"):
                try:
                    old[...] = new
                except ValueError:  # read-only
                    return False
            return True
        return False
    if type(old) is list and type(new) is list:
        merged = [o if i < len(old) and _apply_into(o, n) else n for i, (o, n) in enumerate(zip(old + [None] * len(new), new))]
        if len(merged) != len(old) or any(a is not b for a, b in zip(merged, old)):
            old[:] = merged
        return True
    if type(old) is dict and type(new) is dict:
        for k in list(old):
            if k not in new:
                del old[k]
        for k, v in new.items():
            if not (k in old and _apply_into(old[k], v)):
                old[k] = v
        return True
    if type(old) is tuple and type(new) is tuple and len(old) == len(new):
        return all(_apply_into(o, n) for o, n in zip(old, new))
    if type(old) is bytearray and type(new) is bytearray:
        old[:] = new
        return True
    try:
        return type(old) is type(new) and bool(old == new)
    except Exception:
        return False


def _remote_function(peer, h, fn):
    """A real function object that calls the other side's function: `inspect.getsource` finds the
    learner's source (from the text the judge read before the worker started), `inspect.signature` its
    parameters, so tests that read the learner's code keep working."""
    def call(*args, **kwargs):
        return peer.request("call", h=h, a=list(args), k=kwargs)

    name = str(fn.get("name") or "function")
    line, file = fn.get("line"), fn.get("file")
    code = call.__code__
    try:
        if isinstance(line, int) and file and peer.learner_path and os.path.realpath(file) == os.path.realpath(peer.learner_path):
            code = code.replace(co_filename=peer.learner_path, co_firstlineno=line, co_name=name)
        else:
            code = code.replace(co_name=name)
    except (AttributeError, TypeError, ValueError):
        pass
    call.__code__ = code
    call._dlpath_handle = h
    call.__name__ = name
    call.__qualname__ = str(fn.get("qualname") or name)
    call.__module__ = fn.get("module")
    call.__doc__ = fn.get("doc")
    sig = fn.get("sig")
    if isinstance(sig, list):
        try:
            import inspect
            call.__signature__ = inspect.Signature([
                inspect.Parameter(str(n), inspect._ParameterKind(int(k)), **({"default": _Default} if d else {}))
                for n, k, d in sig])
        except (TypeError, ValueError):
            pass
    return call


class _DefaultType(object):
    def __repr__(self):
        return "<default>"


_Default = _DefaultType()


class _Stand(object):
    """An object of the other side, used through requests (a torch tensor, a learner's class instance)."""

    def __init__(self, peer, h, type_name):
        object.__setattr__(self, "_p", peer)
        object.__setattr__(self, "_h", h)
        object.__setattr__(self, "_t", type_name)

    def _req(self, op, **kw):
        return object.__getattribute__(self, "_p").request(op, h=object.__getattribute__(self, "_h"), **kw)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._req("getattr", name=name)

    def __setattr__(self, name, value):
        self._req("setattr", name=name, v=value)

    def __call__(self, *args, **kwargs):
        return self._req("call", a=list(args), k=kwargs)

    def __getitem__(self, key):
        return self._req("getitem", v=key)

    def __len__(self):
        return self._req("len")

    def __iter__(self):
        return iter(self._req("iter"))

    def __float__(self):
        return self._req("num", kind="float")

    def __int__(self):
        return self._req("num", kind="int")

    def __index__(self):
        return self._req("num", kind="index")

    def __bool__(self):
        return self._req("num", kind="bool")

    def __array__(self, dtype=None, copy=None):
        a = self._req("array")
        return a.astype(dtype) if dtype is not None else a

    def __repr__(self):
        try:
            return self._req("repr")
        except Exception:
            return "<%s>" % object.__getattribute__(self, "_t")

    def __str__(self):
        try:
            return self._req("str")
        except Exception:
            return "<%s>" % object.__getattribute__(self, "_t")

    def __dir__(self):
        return self._req("dir")


class _LearnerModule(types.ModuleType):
    """A test's `m`: the learner's module, in the worker."""

    def __init__(self, peer, path):
        types.ModuleType.__init__(self, "learner")
        object.__setattr__(self, "_peer", peer)
        object.__setattr__(self, "__file__", path)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return object.__getattribute__(self, "_peer").request("getattr", h=0, name=name)

    def __setattr__(self, name, value):
        object.__getattribute__(self, "_peer").request("setattr", h=0, name=name, v=value)

    def __dir__(self):
        return object.__getattribute__(self, "_peer").request("dir", h=0)


def _worker_main(rfd, wfd):
    """The worker: serves the judge's requests until the judge closes the channel."""
    peer = _Peer(_Channel(rfd, wfd), worker=True)
    sys.modules.setdefault("dlpath_harness", sys.modules[__name__])
    while True:
        try:
            head, bufs = peer.ch.recv()
        except (EOFError, OSError, ValueError):
            os._exit(0)
        if "op" in head:
            peer.serve(head, bufs)


def _start_worker(learner_path, tmp):
    """Starts the worker, with the judge's stdout and stderr and only its own two pipes."""
    import subprocess
    to_w_r, to_w_w = os.pipe()
    from_w_r, from_w_w = os.pipe()
    cmd = [sys.executable, "-B", os.path.abspath(__file__), "--worker", "%d,%d" % (to_w_r, from_w_w)]
    env = dict(os.environ, TMPDIR=tmp, TEMP=tmp, TMP=tmp)
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, pass_fds=(to_w_r, from_w_w), close_fds=True,
                            cwd=os.path.dirname(os.path.abspath(learner_path)), env=env)
    os.close(to_w_r)
    os.close(from_w_w)
    for fd in (from_w_r, to_w_w):
        os.set_inheritable(fd, False)
    return proc, _Peer(_Channel(from_w_r, to_w_w), learner_path=learner_path)


def _learner_trace(exc, learner_path):
    """The traceback of exc, trimmed to the frames in the learner's file."""
    if isinstance(exc, _RemoteError) and exc.trace is not None:
        return exc.trace, exc.line
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


MAX_FILE = 1024 * 1024  # bytes of the learner's file or the tests file


def _read_text(path):
    """A Python file's text, decoded as Python would (a coding declaration is honoured); a regular file
    of at most MAX_FILE bytes (a device or a pipe would never end)."""
    import stat
    if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: a FIFO's open would wait for a writer
        raise OSError("%s is not a regular file" % path)
    with open(path, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError("%s is not a regular file" % path)
        data = f.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise OSError("%s is larger than 1 MiB" % path)
    return importlib.util.decode_source(data)


def _writable_dirs(learner_path, private_tmp):
    """Where the learner's code may write: its own folder, a temporary folder of its own (TMPDIR), the
    user's cache and /dev. Not the course, not dlpath's data, not the rest of the temporary folder."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [os.path.dirname(os.path.abspath(learner_path)), private_tmp, cache, "/dev"]


def main(argv=None):
    ap = argparse.ArgumentParser(description="dlpath test harness")
    ap.add_argument("--learner", required=True)
    ap.add_argument("--tests", required=True)
    ap.add_argument("--require", action="append", default=[])
    ap.add_argument("--report-fd", type=int, default=None)
    ap.add_argument("--report-key", action="store_true", help="read the report's signing key from stdin")
    ap.add_argument("--tmp", default=None, help="an empty folder for the learner's code (its TMPDIR); made here if not given")
    ap.add_argument("--in-place", action="store_true",
                    help="the task's functions change their arguments by contract: do not check that they do not")
    args = ap.parse_args(argv)

    key = None
    if args.report_key:
        key = sys.stdin.buffer.readline().strip()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
    if args.report_fd:
        try:
            os.set_inheritable(args.report_fd, False)  # programs the learner starts do not get it
        except OSError:
            pass
        stream = os.fdopen(args.report_fd, "w", encoding="utf-8")
    else:
        stream = sys.__stderr__
    report = _Report(stream, key)
    sys.modules.setdefault("dlpath_harness", sys.modules[__name__])
    _become_subreaper()
    signal.signal(signal.SIGTERM, lambda *_: _end(3))
    _watch_parent()

    missing = [p for p in args.require if importlib.util.find_spec(p) is None]
    report.emit({"event": "env", "python": sys.version.split()[0], "missing": missing})
    if missing:
        report.emit({"event": "done"})
        return 0

    # Both files are read before any of the learner's code runs: it cannot change what is tested or
    # what the tests see of its source.
    try:
        learner_source = _read_text(args.learner)
    except (OSError, UnicodeError) as exc:
        report.emit({"event": "load", "status": "error", "message": str(exc), "line": None})
        report.emit({"event": "done"})
        return 0
    try:
        tests_source = _read_text(args.tests)
    except (OSError, UnicodeError) as exc:
        tests_source = exc
    import linecache
    lines = learner_source.splitlines(True)
    linecache.cache[args.learner] = (len(learner_source), None, lines, args.learner)  # never re-read from disk

    tmp = args.tmp
    if not tmp:
        import tempfile
        tmp = tempfile.mkdtemp(prefix="dlpath-check-")
    _TMP.append(tmp)  # removed at the end (dlpath removes the one it gave too, should this process be killed)
    worker, peer = _start_worker(args.learner, tmp)
    _PEER.append(peer)
    # The learner's file is imported in the worker while the judge loads the tests (both import NumPy).
    try:
        peer.send_request("import", path=args.learner, source=learner_source, writable=_writable_dirs(args.learner, tmp))
    except WorkerGone:
        pass
    tests_error = None
    tests_at = (None, None)  # where in the tests file they broke: (line, column)
    try:
        if isinstance(tests_source, Exception):
            raise tests_source
        tests = types.ModuleType("dlpath_task_tests")
        tests.__file__ = args.tests
        sys.modules["dlpath_task_tests"] = tests
        linecache.cache[args.tests] = (len(tests_source), None, tests_source.splitlines(True), args.tests)
        exec(compile(tests_source, args.tests, "exec", dont_inherit=True), tests.__dict__)
    except BaseException as exc:  # the task's own tests are broken: the author's problem, not the learner's
        if isinstance(exc, KeyboardInterrupt):
            raise
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
        tests_error = "".join(tb[-3:]).strip()
        if isinstance(exc, SyntaxError) and exc.filename == args.tests:
            tests_at = (exc.lineno, exc.offset)
        else:
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == args.tests]
            if frames:
                tests_at = (frames[-1].lineno, None)
    try:
        load = peer.wait()
    except WorkerGone:
        load = {"status": "error", "line": None,
                "message": "your file ended the Python process while being imported (%s)" % _ended(worker)}
    if load.get("status") != "ok":
        load["event"] = "load"
        report.emit(load)
        report.emit({"event": "done"})
        return 0
    report.emit({"event": "load", "status": "ok"})
    learner = _LearnerModule(peer, args.learner)
    if tests_error is not None:
        report.emit({"event": "tests", "status": "error", "message": tests_error, "line": tests_at[0], "column": tests_at[1]})
        report.emit({"event": "done"})
        return 0
    names = [n for n, v in vars(tests).items() if n.startswith("test_") and isinstance(v, types.FunctionType)]
    names.sort(key=lambda n: getattr(tests, n).__code__.co_firstlineno)
    docs = [_doc(getattr(tests, n)) for n in names]
    report.emit({"event": "plan", "tests": names, "docs": docs})
    checks = _CallChecks()
    # Every call a test makes of the learner's own functions is checked for changing its arguments,
    # unless the task's contract is in place (module.yaml: in_place: true).
    subject = learner if args.in_place else _CheckedModule(learner, checks)
    gone = None
    for name, doc in zip(names, docs):
        fn = getattr(tests, name)
        report.emit({"event": "start", "test": name})
        t0 = time.perf_counter()
        result = {"event": "result", "test": name, "doc": doc}
        checks.found = None
        if gone is not None:
            result.update(status="error", message=gone)
            result["ms"] = 0.0
            report.emit(result)
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default")
                fn(subject)
            result["status"] = "passed"
        except WorkerGone:
            gone = "your code ended the Python process running it (%s); return a value instead" % _ended(worker)
            result.update(status="error", message=gone)
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
        except LearnerExit as exc:
            result.update(status="error", line=exc.line,
                          message="your code called exit() (%s: %s); return a value instead" % (exc.type_name, exc))
        except Exception as exc:
            trace, line = _learner_trace(exc, args.learner)
            result.update(status="error", message=trace, line=line)
        if checks.found is not None:  # said even when the test caught the failure and went on
            result.update(status="failed", message=str(checks.found), line=checks.found.line)
        result["ms"] = round((time.perf_counter() - t0) * 1000, 1)
        report.emit(result)
    # Everything the learner's code started ends before the verdict is given.
    _end_descendants()
    report.emit({"event": "done"})
    return 0


def _ended(proc):
    """How the worker ended, for a message."""
    try:
        code = proc.wait(timeout=2)
    except Exception:
        return "still running"
    return "killed by signal %d" % -code if code < 0 else "exit code %d" % code


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        r, w = (int(v) for v in sys.argv[2].split(","))
        _worker_main(r, w)
    code = main()
    # Leave at once: threads the learner started must not keep the check waiting.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _end(code)
