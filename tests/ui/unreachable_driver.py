"""Run the real application (``desktop.app.main``) on a database nobody answers and
report what the operator would see: the Retry message (declined), and how often the
event loop turned while the store was being opened.

    python -m tests.ui.unreachable_driver -- [licdesk arguments]

Prints "ticks N" (a 10 ms QTimer's count when the message came) and "retry: TEXT".
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import main
from desktop.ui import launch, msgbox

TICK_MS = 10


def run(argv: list[str]) -> int:
    args = argv[argv.index("--") + 1 :] if "--" in argv else argv
    ticks = [0]
    make_app = launch.make_app

    def make_and_count() -> QApplication:
        app = make_app()
        timer = QTimer(app)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
        timer.start()
        return app

    def retry(_parent: QWidget | None, _title: str, text: str) -> bool:
        print(f"ticks {ticks[0]}", flush=True)
        print("retry: " + text.replace("\n", " "), flush=True)
        return False  # the operator declines: the app ends

    launch.make_app = make_and_count  # type: ignore[assignment]
    msgbox.retry = retry  # type: ignore[assignment]
    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
