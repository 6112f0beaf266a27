"""One Qt signal from the write path: "the store changed".

The store calls its listeners after every committed write, on whichever thread wrote
(desktop.storage.database). This bridge turns that into one queued Qt signal on the
GUI thread, coalesced (a burst of writes is one refresh); the window and every view
connect to it instead of being told to refresh one by one.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.context import AppContext
from desktop.ui.ops import manager


class DataChanges(QObject):
    changed = Signal()

    def __init__(self, app: AppContext) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.changed.emit)
        tasks = manager()
        self._unsubscribe = app.db.subscribe(lambda: tasks.run_on_main(self._timer.start))

    def close(self) -> None:
        self._unsubscribe()
        self._unsubscribe = lambda: None


_bridges: weakref.WeakKeyDictionary[AppContext, DataChanges] = weakref.WeakKeyDictionary()


def changes(app: AppContext) -> DataChanges:
    """The one change signal of this application object."""
    bridge = _bridges.get(app)
    if bridge is None:
        bridge = _bridges[app] = DataChanges(app)
    return bridge


def close_all() -> None:
    """At quit: no store may call into a bridge any more, and each bridge's QObject goes
    while the QApplication still exists (not in Python's teardown, in any order)."""
    for bridge in list(_bridges.values()):
        bridge.close()
        if shiboken6.isValid(bridge):
            shiboken6.delete(bridge)
    _bridges.clear()
