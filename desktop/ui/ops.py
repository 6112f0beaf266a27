"""Database, file and network work off the GUI thread, in one line (Anki's operations).

    Op(self, lambda p: setup.import_file(db, path, today, p)).with_progress(
        self.tr("Importing...")).success(self.imported).run()

The work runs on a worker thread and gets a :class:`~desktop.services.progress.Progress`;
``success`` and ``failure`` run on the GUI thread with the result or the exception.
Without a ``failure`` callback a :class:`DomainError` is shown as a message box with its
translated sentence, a cancel is a status-bar note, and anything else is logged and
shown as an unexpected error. Callbacks of a widget that was closed meanwhile are
dropped. ``with_progress`` shows a progress dialog once the work takes longer than a
moment; with ``cancellable=True`` its Cancel button makes the next ``progress.step``
raise :class:`Cancelled`, so the service's unit of work rolls back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.domain.errors import DomainError
from desktop.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")


class SyncAware(Protocol):
    @property
    def sync_reads(self) -> bool: ...


#: The progress dialog appears only for work that takes longer than this.
PROGRESS_DELAY_MS = 400
#: At most this often the GUI hears of progress (a million steps must not flood it).
PROGRESS_INTERVAL_S = 0.05


class TaskManager(QObject):
    """Owns the worker threads; hands results back to the GUI thread by a queued signal."""

    _deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="licdesk-op")
        self._running: set[_Cancel] = set()
        self._futures: set[Future[Any]] = set()
        self._closed = False
        self._lock = threading.Lock()
        self._deliver.connect(self._run_on_main, Qt.ConnectionType.QueuedConnection)

    def run_in_background(
        self, work: Callable[[], T], on_done: Callable[[Future[T]], None]
    ) -> Future[T]:
        """Run ``work`` on a worker; call ``on_done(future)`` on the GUI thread."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the application is quitting")
            future = self._pool.submit(work)
            self._futures.add(future)

        def finished(f: Future[T]) -> None:
            with self._lock:
                self._futures.discard(f)
                if self._closed:
                    return  # nobody is left to hear it (the QObject may be gone)
                self._deliver.emit(lambda: on_done(f))

        future.add_done_callback(finished)
        return future

    def run_on_main(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on the GUI thread (from any thread)."""
        with self._lock:
            if not self._closed:
                self._deliver.emit(callback)

    def _run_on_main(self, callback: object) -> None:
        if callable(callback):
            try:
                callback()
            except Exception:  # a callback's failure must not kill the event loop
                log.exception("background-operation callback failed")

    def busy(self) -> bool:
        with self._lock:
            return bool(self._running)

    def _track(self, cancel: _Cancel, running: bool) -> None:
        with self._lock:
            (self._running.add if running else self._running.discard)(cancel)

    def shutdown(self, *, cancel: bool = True, wait_s: float | None = None) -> bool:
        """Stop taking work; cancel what can stop cleanly; wait for the rest, at most
        ``wait_s`` seconds (None: as long as it takes). True when nothing runs any more.

        After this no callback reaches the GUI thread: the window is going away.
        """
        with self._lock:
            self._closed = True
            if cancel:
                for c in self._running:
                    c.cancel()
            futures = list(self._futures)
        self._pool.shutdown(wait=False, cancel_futures=True)
        _done, running = wait(futures, timeout=wait_s)
        if running:
            log.warning("%d background operation(s) still running at quit", len(running))
        return not running


_manager: TaskManager | None = None


def manager() -> TaskManager:
    global _manager
    if _manager is None:
        _manager = TaskManager()
    return _manager


def close_manager(wait_s: float | None = None) -> bool:
    """At quit: shut the workers down (see TaskManager.shutdown) and delete the manager's
    QObject while the QApplication still exists. True when no work is left running."""
    global _manager
    tasks, _manager = _manager, None
    if tasks is None:
        return True
    clean = tasks.shutdown(wait_s=wait_s)
    if shiboken6.isValid(tasks):
        shiboken6.delete(tasks)
    return clean


class _Cancel:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _ReportingProgress:
    """The worker's Progress: raises Cancelled once asked, reports at a bounded rate."""

    def __init__(self, cancel: _Cancel, report: Callable[[int, int | None], None] | None) -> None:
        self._cancel = cancel
        self._report = report
        self._last = 0.0

    def step(self, done: int, total: int | None = None) -> None:
        if self._cancel.cancelled:
            raise Cancelled()
        if self._report is not None:
            now = time.monotonic()
            if now - self._last >= PROGRESS_INTERVAL_S or (total is not None and done >= total):
                self._last = now
                self._report(done, total)


def alive(widget: QObject | None) -> bool:
    return widget is None or shiboken6.isValid(widget)


class Op(Generic[T]):
    """One piece of background work with its GUI-thread continuations."""

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], T]) -> None:
        self._parent = parent
        self._work = work
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._finally: Callable[[], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._title = ""
        self._cancel = _Cancel()
        self._dialog: QProgressDialog | None = None
        self._label_before: str | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op[T]:
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Op[T]:
        """Runs after success or failure (re-enable a button, clear a busy state)."""
        self._finally = callback
        return self

    def titled(self, title: str) -> Op[T]:
        """The title of the default error message box."""
        self._title = title
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> Op[T]:
        self._label = label
        self._cancellable = cancellable
        return self

    def cancel(self) -> None:
        self._cancel.cancel()

    def run(self) -> Future[T]:
        dialog = self._progress_dialog()
        self._dialog = dialog
        report = None
        if dialog is not None:
            mgr = manager()

            def report(done: int, total: int | None) -> None:
                mgr.run_on_main(lambda: _show_progress(dialog, done, total))

        progress = _ReportingProgress(self._cancel, report)
        mgr = manager()
        mgr._track(self._cancel, True)

        def work() -> T:
            _current.op = self  # the store's "waiting" signal finds its operation
            try:
                return self._work(progress)
            finally:
                _current.op = None

        def done(future: Future[T]) -> None:
            mgr._track(self._cancel, False)
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reset()  # stops the timer that would show it
                dialog.hide()
                dialog.deleteLater()
            if not alive(self._parent):
                return  # the window that asked is gone
            try:
                exc = future.exception()
                if exc is None:
                    if self._success is not None:
                        self._success(future.result())
                elif isinstance(exc, Exception):
                    (self._failure or self._default_failure)(exc)
                else:
                    raise exc
            finally:
                if self._finally is not None:
                    self._finally()

        return mgr.run_in_background(work, done)

    def _progress_dialog(self) -> QProgressDialog | None:
        if self._label is None:
            return None
        cancel_text = (
            QCoreApplication.translate("Operations", "Cancel") if self._cancellable else ""
        )
        dialog = QProgressDialog(self._label, cancel_text, 0, 0, self._parent)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(self._title or self._label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.cancel)
        return dialog

    def _waiting(self, waiting: bool) -> None:
        """Another program holds the store's write lock: say so in the progress dialog
        (shown at once) while this operation waits for it."""
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        if waiting:
            self._label_before = dialog.labelText()
            dialog.setLabelText(waiting_text())
            dialog.show()
        elif self._label_before is not None:
            dialog.setLabelText(self._label_before)
            self._label_before = None

    def _default_failure(self, exc: Exception) -> None:
        from desktop import crash
        from desktop.ui import msgbox
        from desktop.ui.errors import describe, message

        title = self._title or QCoreApplication.translate("Operations", "License Desk")
        if isinstance(exc, Cancelled):
            _status(self._parent, QCoreApplication.translate("Operations", "Cancelled."))
        elif isinstance(exc, DomainError):
            msgbox.error(self._parent, title, message(exc))
        elif isinstance(exc, OSError):  # the environment's fault: a file, a folder, a disk
            log.warning("background operation failed", exc_info=exc)
            msgbox.error(self._parent, title, describe(exc))
        else:  # our bug: a crash report and the crash message (desktop.ui.crashes)
            crash.handle(exc, "background operation")


#: The operation the current worker thread runs (for the store's "waiting" signal).
_current = threading.local()


def waiting_text() -> str:
    return QCoreApplication.translate(
        "Operations", "Waiting for another program to finish writing to the database..."
    )


class BusyAware(Protocol):
    def watch_busy(self, listener: Callable[[bool], None]) -> Callable[[], None]: ...


def watch_busy(widget: QWidget, db: BusyAware) -> Callable[[], None]:
    """Show "waiting for another program" while a write waits for the store's write lock:
    in the waiting operation's progress dialog and in ``widget``'s window status bar.
    Returns the unsubscriber."""
    mgr = manager()

    def listener(waiting: bool) -> None:  # on the waiting worker thread
        op = getattr(_current, "op", None)
        mgr.run_on_main(lambda: _show_waiting(widget, op, waiting))

    return db.watch_busy(listener)


def _show_waiting(widget: QWidget, op: Op[object] | None, waiting: bool) -> None:
    if op is not None:
        op._waiting(waiting)
    if not shiboken6.isValid(widget):
        return
    window = widget.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        if waiting:
            bar().showMessage(waiting_text())
        else:
            bar().clearMessage()


def _show_progress(dialog: QProgressDialog, done: int, total: int | None) -> None:
    if not shiboken6.isValid(dialog) or dialog.wasCanceled():
        return
    if total:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))
    else:
        dialog.setMaximum(0)


def _status(widget: QWidget | None, text: str) -> None:
    window = widget.window() if widget is not None else None
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 5000)


def read(
    parent: QWidget | None,
    db: SyncAware,
    work: Callable[[], T],
    done: Callable[[T], None],
    *,
    failed: Callable[[Exception], None] | None = None,
) -> None:
    """A small read: at once from a local SQLite file (about a millisecond), on a worker
    from a central server (where a query may wait on the network)."""
    if not db.sync_reads:
        op = Op(parent, lambda _p: work()).success(done)
        if failed is not None:
            op.failure(failed)
        op.run()
        return
    try:
        result = work()
    except Exception as exc:
        if failed is None:
            raise
        log.exception("a read failed")
        failed(exc)
        return
    done(result)
