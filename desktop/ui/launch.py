"""Start the GUI: the window first (fast first paint), then the store, then the data.

A local SQLite file at the current schema opens synchronously through the measured
fast path (desktop.storage.fastread). Anything else - a central PostgreSQL server, a
file that needs a migration - opens on a worker: the window stays responsive, says
"Opening...", and an unreachable server gets a message with Retry instead of a frozen
window.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.services import licenses
from desktop.services.ports import LicenseQuery, SortKey
from desktop.ui import i18n, msgbox
from desktop.ui.changes import close_all
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.main_window import MainWindow
from desktop.ui.ops import Op, close_manager
from desktop.ui.qtguard import protect_singletons
from desktop.ui.widgets import open_file_name, run_modal

log = logging.getLogger(__name__)

#: At quit, running work gets this long to finish or notice its cancel.
QUIT_WAIT_S = 3.0

AppFactory = Callable[[], AppContext]


def make_app() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    protect_singletons()
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(icon("app"))
    return app


def opened(app: AppContext) -> tuple[AppContext, LicenseQuery, bool]:
    """What the window needs before its first rows: the query and whether the store is
    empty (the first start's question). Runs on a worker for a remote store."""
    query = licenses.make_query(app.db, app.clock.today(), sort=SortKey.END)
    return app, query, licenses.is_empty(app.db)


def run_gui(
    open_app: AppFactory,
    *,
    open_fast: Callable[[], AppContext | None],
    demo: bool,
    lang: str | None,
    quit_after_ms: int | None,
    open_demo: AppFactory,
) -> int:
    """``open_fast`` opens a local SQLite file at the current schema without SQLAlchemy
    (or answers None: never a migration, never a network); ``open_app`` opens anything,
    on a worker."""
    qapp = make_app()
    i18n.install(i18n.chosen_language(lang))
    window = MainWindow()
    window.show()
    unattended = quit_after_ms is not None
    exit_code = 0

    def ready(result: tuple[AppContext, LicenseQuery, bool]) -> None:
        app, query, empty = result
        if empty and not demo and not unattended:
            first_start(window, app, open_demo)
            return
        show(app, query)

    def show(app: AppContext, query: LicenseQuery) -> None:
        window.attach(app, query)
        # The rows paint first; then the rest (it may import SQLAlchemy and build tabs).
        window.when_rows_painted(lambda: finish_window(window, unattended))

    def failed(exc: Exception) -> None:
        nonlocal exit_code
        log.error("cannot open the store: %s", exc)
        text = (
            message(exc)
            if isinstance(exc, DomainError)
            else QCoreApplication.translate("Launch", "Unexpected error: %1").replace(
                "%1", type(exc).__name__
            )
        )
        if not unattended and msgbox.retry(
            window, QCoreApplication.translate("Launch", "License Desk"), text
        ):
            start()
            return
        exit_code = 2
        qapp.quit()

    def prepare() -> tuple[AppContext, LicenseQuery, bool]:
        app = open_app()
        if demo and app.prepare_demo is not None:
            app.prepare_demo()
        return opened(app)

    def start() -> None:
        window.set_busy(QCoreApplication.translate("Launch", "Opening the database..."))
        fast = None if demo else open_fast()  # the demo may need filling and signing first
        if fast is not None:
            try:
                ready(opened(fast))
                return
            except Exception:  # the slow path will say why, or succeed
                log.exception("the fast start failed")
                fast.db.dispose()
        Op(window, lambda _p: prepare()).success(ready).failure(failed).run()

    QTimer.singleShot(0, start)
    if unattended:
        assert quit_after_ms is not None
        QTimer.singleShot(quit_after_ms, window.close)
    code = qapp.exec()
    code = exit_code or code
    if not shut_down(window):
        # Work that cannot stop (a network call, a long query) must not keep a closed
        # window's process alive: its transaction rolls back when the connection goes.
        log.warning("leaving without waiting for the running work")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def shut_down(window: MainWindow) -> bool:
    """Tear the GUI down in a known order while the QApplication still exists.

    Left to Python's exit, PySide deletes every Python-owned QObject in no particular
    order and Qt deletes the same widgets as children of their window: a widget owned
    by both is deleted twice ("QObject: shared QObject was deleted directly", a bus
    error). Here the workers stop first (nothing calls back into a dying window), then
    the change bridges, then the window with every widget in it, then the translators.
    Returns False when some work could not be stopped within QUIT_WAIT_S.
    """
    clean = close_manager(wait_s=QUIT_WAIT_S)
    app = window.app
    close_all()
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    i18n.uninstall()
    if clean and app is not None:
        app.db.dispose()
    return clean


def finish_window(window: MainWindow, unattended: bool) -> None:
    window.finish_attach()
    if not unattended:
        window.show_warnings()


def first_start(window: MainWindow, app: AppContext, open_demo: AppFactory) -> None:
    from desktop.ui.first_start import FirstStartChoice, FirstStartDialog

    dialog = FirstStartDialog(app.db_label, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    run_modal(dialog)

    def show(result: tuple[AppContext, LicenseQuery, bool]) -> None:
        chosen, query, _empty = result
        window.attach(chosen, query)
        window.when_rows_painted(lambda: finish_window(window, False))

    if dialog.choice is FirstStartChoice.DEMO:

        def prepare_demo() -> tuple[AppContext, LicenseQuery, bool]:
            demo_app = open_demo()
            if demo_app.prepare_demo is not None:
                demo_app.prepare_demo()
            return opened(demo_app)

        Op(window, lambda _p: prepare_demo()).success(show).run()
        return
    show(opened(app))
    if dialog.choice is FirstStartChoice.IMPORT:
        path = open_file_name(
            window,
            QCoreApplication.translate("Launch", "Import data"),
            QCoreApplication.translate("Launch", "License Desk export (*.json *.csv)"),
        )
        if path:
            window.import_path(Path(path))
