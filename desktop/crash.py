"""Crashes leave a trace: faulthandler, exception hooks, a crash report in the log folder.

* ``faulthandler`` writes the Python stacks of a hard crash (a segfault in Qt, an abort)
  to ``faulthandler.log`` in the log folder.
* ``sys.excepthook`` and ``threading.excepthook`` write a report (version, platform,
  Python and Qt versions, the command line with passwords masked, the traceback) to
  ``crash-<time>-<pid>.txt`` in the log folder, then tell the user: the window shows a
  message with "Copy details" (its presenter, set by desktop.ui.launch); the CLI prints
  one line pointing at the report.

No secrets: a password in a database URL (``user:password@host``) is masked wherever
it appears in the report; no environment variable is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import logging
import os
import platform
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from desktop import APP_NAME, __version__, paths

log = logging.getLogger(__name__)

#: Crash reports kept in the log folder (the oldest beyond are removed).
CRASH_REPORTS_KEPT = 20
#: Exit code of a run that ended on an unexpected error (BSD's EX_SOFTWARE).
EXIT_CRASH = 70

#: (report path or None, one-line summary, the report text) -> shown to the user.
Presenter = Callable[[Path | None, str, str], None]

_presenter: Presenter | None = None
_fault_file: IO[str] | None = None
_lock = threading.Lock()

_URL_PASSWORD = re.compile(r"(\b[\w+.-]+://[^:/@\s'\"]*):[^@\s'\"]*@")
_PASSWORD_OPTION = re.compile(r"(?i)(password|passwd|pwd|secret|token)(=|\s+)\S+")


def mask(text: str) -> str:
    """``text`` without passwords: ``scheme://user:***@host``, ``password=***``."""
    return _PASSWORD_OPTION.sub(r"\1\2***", _URL_PASSWORD.sub(r"\1:***@", text))


def install() -> None:
    """faulthandler on, and the exception hooks (call once, first thing in main)."""
    global _fault_file
    try:
        folder = paths.log_dir()
        if _fault_file is None:
            _fault_file = (folder / "faulthandler.log").open("a", encoding="utf-8")
        faulthandler.enable(file=_fault_file, all_threads=True)
    except OSError:
        faulthandler.enable(all_threads=True)  # stderr: better than nothing
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def set_presenter(presenter: Presenter | None) -> None:
    """How the window shows a crash (None: one line on stderr)."""
    global _presenter
    _presenter = presenter


def _qt_versions() -> str:
    qt = sys.modules.get("PySide6.QtCore")
    if qt is None:
        return "not loaded"
    pyside = sys.modules.get("PySide6")
    return f"Qt {qt.qVersion()}, PySide6 {getattr(pyside, '__version__', '?')}"


def report_text(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "main thread",
) -> str:
    lines = [
        f"{APP_NAME} {__version__} crash report",
        f"time: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"where: {where}",
        f"platform: {platform.platform()}",
        f"python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"qt: {_qt_versions()}",
        f"frozen: {bool(getattr(sys, 'frozen', False))}",
        "command line: " + " ".join(repr(a) if " " in a else a for a in sys.argv),
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    text = "\n".join(lines)
    return mask(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def write_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "main thread",
) -> tuple[Path | None, str]:
    """Write the report; (its path, or None when the log folder cannot be written; the
    text)."""
    text = report_text(exc_type, exc, tb, where)
    log.error("unexpected error (%s): %s", where, exc_type.__name__, exc_info=(exc_type, exc, tb))
    try:
        folder = paths.log_dir()
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        n = 2
        while path.exists():
            path = folder / f"crash-{stamp}-{os.getpid()}-{n}.txt"
            n += 1
        path.write_text(text, encoding="utf-8")
        _prune(folder)
    except OSError:
        return None, text
    return path, text


def _prune(folder: Path) -> None:
    reports = sorted(folder.glob("crash-*.txt"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in reports[CRASH_REPORTS_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()


def summary(exc: BaseException) -> str:
    text = mask(str(exc)).encode("utf-8", "backslashreplace").decode("utf-8")
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def tell(path: Path | None, line: str, text: str) -> None:
    """Show the crash: the window's presenter, or one line on stderr."""
    presenter = _presenter
    if presenter is not None:
        try:
            presenter(path, line, text)
            return
        except Exception:  # noqa: BLE001 - the presenter itself failed: fall back
            log.exception("the crash presenter failed")
    where = str(path) if path is not None else "the log"
    with contextlib.suppress(OSError, ValueError):
        print(f"licdesk: unexpected error ({line}); a crash report is in {where}", file=sys.stderr)


def handle(exc: BaseException, where: str = "main thread") -> Path | None:
    """Report an exception caught at a front end's top (the CLI's main)."""
    with _lock:
        path, text = write_report(type(exc), exc, exc.__traceback__, where)
    tell(path, summary(exc), text)
    return path


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    with _lock:
        path, text = write_report(exc_type, exc, tb)
    tell(path, summary(exc), text)


def _thread_excepthook(args: Any) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "a thread"
    with _lock:
        path, text = write_report(args.exc_type, args.exc_value, args.exc_traceback, name)
    tell(path, summary(args.exc_value), text)
