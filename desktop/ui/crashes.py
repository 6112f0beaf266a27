"""The window's side of desktop.crash: an unexpected error becomes a message with "Copy
details" (or, unattended, an exit with crash.EXIT_CRASH), on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop import crash
from desktop.ui import msgbox
from desktop.ui.ops import manager

log = logging.getLogger(__name__)

_showing = False


def install(window: Callable[[], QWidget | None], *, unattended: bool) -> None:
    """Crashes from any thread are shown over ``window()``; unattended runs exit."""

    def presenter(path: Path | None, line: str, text: str) -> None:
        manager().run_on_main(lambda: show(window(), path, line, text, unattended=unattended))

    crash.set_presenter(presenter)


def show(
    parent: QWidget | None, path: Path | None, line: str, text: str, *, unattended: bool
) -> None:
    global _showing
    if unattended:
        log.error("unexpected error in an unattended run: %s", line)
        QApplication.exit(crash.EXIT_CRASH)
        return
    if _showing:  # one message at a time; every report is written all the same
        return
    where = str(path) if path is not None else QCoreApplication.translate("Crash", "the log")
    body = (
        QCoreApplication.translate(
            "Crash",
            "License Desk met an unexpected error (%1).\n\nA report was written to %2 "
            "(it holds no passwords). Nothing half-done was saved: you can keep working, "
            "or quit. Please send the details to your support.",
        )
        .replace("%1", line)
        .replace("%2", where)
    )
    _showing = True
    try:
        quit_app = msgbox.crash(
            parent, QCoreApplication.translate("Crash", "Unexpected error"), body, text
        )
    finally:
        _showing = False
    if quit_app:
        QApplication.exit(crash.EXIT_CRASH)
