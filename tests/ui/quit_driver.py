"""Run the real application (``desktop.app.main``) and use it as an operator would:
wait for the start-up pop-up, close it with Esc, then press Ctrl+Q in the window.

    python -m tests.ui.quit_driver [--busy] -- [licdesk arguments]

With ``--busy`` a background operation that never finishes (and never looks at its
cancel) is running when Ctrl+Q is pressed: quitting must not wait for it.
Prints "popup shown" and "quit pressed" on stdout as it goes.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import main
from desktop.ui import launch

POLL_MS = 20


def _window() -> object:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")


def drive(busy: bool) -> None:
    seen = False

    def poll() -> None:
        nonlocal seen
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        modal = app.activeModalWidget()
        if modal is not None and type(modal).__name__ == "WarningsDialog" and not seen:
            seen = True
            print("popup shown", flush=True)
            QTest.keyClick(modal, Qt.Key.Key_Escape)
        elif seen and modal is None:
            window = _window()
            window.activateWindow()  # type: ignore[attr-defined]
            QTimer.singleShot(POLL_MS, lambda: press_quit(window))
            return
        QTimer.singleShot(POLL_MS, poll)

    def press_quit(window: object) -> None:
        if busy:
            from desktop.ui.ops import Op

            never = threading.Event()
            Op(window, lambda _p: never.wait()).run()  # type: ignore[arg-type]
        print("quit pressed", flush=True)
        QTest.keyClick(window.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]

    QTimer.singleShot(POLL_MS, poll)


def run(argv: list[str]) -> int:
    busy = "--busy" in argv
    args = argv[argv.index("--") + 1 :] if "--" in argv else []
    make_app = launch.make_app

    def make_and_drive() -> QApplication:
        app = make_app()
        drive(busy)
        return app

    launch.make_app = make_and_drive  # type: ignore[assignment]
    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
