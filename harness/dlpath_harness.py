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

__all__ = ["assert_close", "assert_shape", "assert_true", "grad_check", "rng", "no_warnings", "tr", "TaskFailure"]

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


def rng(seed=0):
    """A seeded NumPy Generator, so every run sees the same 'random' inputs."""
    return _np().random.default_rng(seed)


def _fmt(x):
    np = _np()
    with np.printoptions(precision=8, suppress=False, threshold=20, edgeitems=3, linewidth=100):
        return repr(np.asarray(x)) if not np.isscalar(x) else repr(x)


_RESULT = {"en": "result", "zh": "结果"}


def assert_shape(got, shape, what=_RESULT):
    np = _np()
    got_shape = np.shape(got)
    if tuple(got_shape) != tuple(shape):
        raise TaskFailure(tr("%shas shape %s, expected %s", "%s的形状是 %s，应为 %s")
                          % (_subject(what), tuple(got_shape), tuple(shape)))


def assert_true(cond, message, zh=None):
    """Fails with `message` (a string, tr(...) or {"en", "zh"}; or English with `zh` beside it)."""
    if not cond:
        raise TaskFailure(tr(_text(message), zh) if zh else _text(message))


def assert_close(got, expected, rtol=1e-6, atol=1e-8, what=_RESULT):
    """Like numpy.testing.assert_allclose, with a message that shows the worst element."""
    np = _np()
    what = _subject(what)
    if got is None:
        raise TaskFailure(tr("%sis None: did you forget to return it?", "%s是 None：是不是忘了 return？") % what)
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
        idx_txt = str(tuple(int(i) for i in idx)) if g.shape else "(scalar)"
        n_bad = int((excess > 0).sum())
        if not g.shape:
            raise TaskFailure(tr("%sis not close enough to the expected value (rtol=%g, atol=%g)\n  expected: %r\n  got:      %r",
                                 "%s与期望值不够接近（rtol=%g，atol=%g）\n  期望：%r\n  得到：%r")
                              % (what, rtol, atol, float(e), float(g)))
        raise TaskFailure(
            tr("%sis not close enough to the expected value (%d of %d elements off; rtol=%g, atol=%g)\n"
               "  worst at %s: expected %r, got %r\n  expected: %s\n  got:      %s",
               "%s与期望值不够接近（%d/%d 个元素超出误差；rtol=%g，atol=%g）\n"
               "  差得最多的位置 %s：期望 %r，得到 %r\n  期望：%s\n  得到：%s")
            % (what, n_bad, g.size, rtol, atol, idx_txt, float(e[idx]) if g.shape else float(e),
               float(g[idx]) if g.shape else float(g), _fmt(e), _fmt(g)))


def grad_check(f, x, analytic, eps=1e-5, tol=1e-6, what={"en": "gradient", "zh": "梯度"}):
    """Compares an analytic gradient with central differences of the scalar function f at x.

    Relative error per element: |a - n| / max(1e-8, |a| + |n|); fails above tol.
    Returns the largest relative error.
    """
    np = _np()
    what = _subject(what)
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
        raise TaskFailure(
            tr("%scheck failed: relative error %.3g > %g at index %s\n  analytic:  %r\n  numerical: %r",
               "%s检验没通过：相对误差 %.3g > %g，位置 %s\n  解析值：%r\n  数值解：%r")
            % (what, float(rel[worst]), tol, tuple(int(i) for i in worst), float(a[worst]), float(num[worst])))
    return float(rel.max()) if rel.size else 0.0


@contextlib.contextmanager
def no_warnings(what={"en": "your function", "zh": "你的函数"}):
    """Fails the test if the block emits a warning (overflow in exp, division by zero, ...)."""
    np = _np()
    with warnings.catch_warnings(record=True) as caught, np.errstate(over="warn", invalid="warn", divide="warn", under="ignore"):
        warnings.simplefilter("always")
        yield
    if caught:
        w = caught[0]
        raise TaskFailure(tr("%semitted a warning: %s: %s", "%s产生了警告：%s：%s")
                          % (_subject(what), w.category.__name__, w.message))


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
    for name, doc in zip(names, docs):
        fn = getattr(tests, name)
        _emit(report, {"event": "start", "test": name})
        t0 = time.perf_counter()
        result = {"event": "result", "test": name, "doc": doc}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default")
                fn(learner)
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
