"""Quitting: the real app exits 0 with no Qt warning after the start-up pop-up, never
waits on work that cannot stop, and no widget is owned both by Python and by Qt.

The crash this guards against: "QObject: shared QObject was deleted directly", then a
bus error (exit 135). PySide6 6.12 leaves a widget that was added to a layout before
the layout had a parent owned by Python although Qt parents it, and ``QDialog.exec()``
hands a dialog back to Python although its parent keeps it. At exit PySide deletes
every Python-owned QObject directly, in no particular order, while Qt deletes the same
widgets as children: some are deleted twice.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog

from desktop.services import warnings as warning_service
from desktop.services.settings import BusinessSettings
from desktop.ui.main_window import MainWindow
from desktop.ui.warnings_dialog import WarningsDialog
from tests.conftest import TODAY
from tests.ui.test_license_table import open_window

ROOT = Path(__file__).resolve().parents[2]
#: Their widgets are built by other branches (the activation redesign, the forecast
#: chart); they add a button bar to its layout before the bar has a parent.
OTHER_OWNERS = ("ForecastView",)
#: What the offscreen platform says of itself whenever a window shows: not ours.
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)


def owned_twice(root: QObject) -> list[str]:
    """Python-owned wrappers of QObjects that have a Qt parent inside ``root``.

    Found through the garbage collector: ``findChildren`` would hand each child it
    returns to its parent and hide the very fault it is looking for.
    """
    out = []
    for obj in gc.get_objects():
        if not isinstance(obj, QObject) or not shiboken6.isValid(obj):
            continue
        if not shiboken6.ownedByPython(obj) or obj.parent() is None:
            continue
        chain, parent = [], obj.parent()
        while parent is not None and parent is not root:
            chain.append(type(parent).__name__)
            parent = parent.parent()
        if parent is None or any(name in OTHER_OWNERS for name in chain):
            continue
        text = getattr(obj, "text", None)
        label = text() if callable(text) else obj.objectName()
        out.append(f"{type(obj).__name__} {label!r} in {' < '.join(chain) or type(root).__name__}")
    return out


def test_no_widget_is_owned_by_python_and_by_qt(qtbot, demo_ctx, monkeypatch) -> None:  # noqa: ANN001
    from desktop.ui.first_start import FirstStartDialog
    from desktop.ui.renewal_dialog import RenewalDialog
    from desktop.ui.settings_dialog import SettingsDialog

    w = open_window(qtbot, demo_ctx)
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
    w.tabs.setCurrentIndex(0)
    monkeypatch.setattr(WarningsDialog, "exec", lambda self: self.reject() or 0)
    w.present_warnings(warning_service.collect(demo_ctx.db, TODAY))
    dialogs = [
        RenewalDialog(demo_ctx, [w.current_row().id], w),
        SettingsDialog(BusinessSettings(30, (30, 14, 1), 14), "", w),
        FirstStartDialog("/tmp/licdesk.db", w),
    ]
    problems = owned_twice(w)
    assert not problems, "owned by Python and by a Qt parent:\n" + "\n".join(problems)
    # a dialog that was run is let go: nothing of it survives its round
    for d in dialogs:
        d.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert w.findChildren(QDialog) == []


def test_shut_down_deletes_the_window_workers_and_bridges_in_order(demo_ctx) -> None:  # noqa: ANN001
    """What the launcher does after the event loop: nothing is left for Python's exit."""
    from desktop.services import licenses
    from desktop.ui import changes, i18n, launch, ops

    w = MainWindow()  # not given to qtbot: shut_down deletes it
    w.show()
    w.attach(demo_ctx, licenses.make_query(demo_ctx.db, TODAY))
    w.finish_attach()
    bridge = changes.changes(demo_ctx)
    tasks = ops.manager()
    w.close()
    try:
        assert launch.shut_down(w) is True
    finally:
        i18n.install("en")  # shut_down took the translators out; later tests need them
    assert not shiboken6.isValid(w)
    assert not shiboken6.isValid(tasks) and not shiboken6.isValid(bridge)
    assert ops.manager() is not tasks  # a later test gets a fresh one


def _run_app(
    tmp_path: Path, *driver_args: str, timeout: float = 90
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # QSettings, never the user's
        LICDESK_TODAY=TODAY.isoformat(),  # a day with subscriptions due: the pop-up shows
        PYTHON_KEYRING_BACKEND="tests.support.filekeyring.FileKeyring",
        LICDESK_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(ROOT),
        PYTHONFAULTHANDLER="1",
    )
    env.pop("QT_LOGGING_RULES", None)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.quit_driver", *driver_args, "--", "--demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return proc, time.monotonic() - started


def _qt_warnings(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(noise in line for noise in PLATFORM_NOISE)
    ]


@pytest.mark.slow
def test_ctrl_q_after_the_popup_exits_cleanly(tmp_path: Path) -> None:
    proc, _ = _run_app(tmp_path)
    assert "popup shown" in proc.stdout and "quit pressed" in proc.stdout, proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert _qt_warnings(proc.stderr) == [], proc.stderr


@pytest.mark.slow
def test_quit_never_waits_on_work_that_cannot_stop(tmp_path: Path) -> None:
    from desktop.ui.launch import QUIT_WAIT_S

    proc, _ = _run_app(tmp_path, "--busy", timeout=60)
    assert "quit pressed" in proc.stdout, proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert _qt_warnings(proc.stderr) == [], proc.stderr
    log = (tmp_path / "data" / "logs" / "licdesk.log").read_text(encoding="utf-8")
    assert "still running at quit" in log and "leaving without waiting" in log
    assert QUIT_WAIT_S < 10


def test_quit_is_ctrl_q_even_where_the_platform_names_no_key(qtbot) -> None:  # noqa: ANN001
    w = MainWindow()
    qtbot.addWidget(w)
    assert "Ctrl+Q" in [k.toString() for k in w.act_quit.shortcuts()]
