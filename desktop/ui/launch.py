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
from desktop.services.ports import Backups, LicenseQuery, SortKey
from desktop.ui import backup_ui, crashes, i18n, msgbox
from desktop.ui.changes import close_all
from desktop.ui.errors import message
from desktop.ui.first_start import FirstStartChoice
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
    create_app: AppFactory | None = None,
    backups: Callable[[], Backups] | None = None,
    crash_test: bool = False,
) -> int:
    """``open_fast`` opens a local SQLite file at the current schema without SQLAlchemy
    (or answers None: never a migration, never a network); ``open_app`` opens anything,
    on a worker, but never creates a store: ``create_app`` does, when the user chose to
    (first start on a missing file). ``backups``: the store's backups, for a damaged
    store's offer of the last good one."""
    qapp = make_app()
    i18n.install(i18n.chosen_language(lang))
    window = MainWindow()
    window.show()
    unattended = quit_after_ms is not None
    exit_code = 0
    crashes.install(lambda: window, unattended=unattended)

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

    def give_up(code: int = 2) -> None:
        nonlocal exit_code
        exit_code = code
        qapp.quit()

    def failed(exc: Exception) -> None:
        nonlocal exit_code
        log.error("cannot open the store: %s", exc)
        if isinstance(exc, DomainError) and not unattended:
            if exc.code == "store_missing" and create_app is not None:
                missing_store(
                    window, str(exc.params.get("path", "")), create_app, open_demo, give_up
                )
                return
            if exc.code == "store_damaged" and backups is not None:
                window.set_busy(message(exc))
                try:
                    store_backups = backups()
                except DomainError:
                    store_backups = None
                if store_backups is not None:
                    backup_ui.offer_last_good(window, exc, store_backups, start, give_up)
                    return
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

    window.reopen = start  # after File → Restore from backup
    QTimer.singleShot(0, start)
    if crash_test:
        QTimer.singleShot(0, _crash_for_test)
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


def _crash_for_test() -> None:
    """``--crash-test``: an error inside the event loop, as a bug would raise one."""
    raise RuntimeError("crash test (--crash-test): postgresql://user:secret@db.example/x")


def finish_window(window: MainWindow, unattended: bool) -> None:
    window.finish_attach()
    if window.app is not None:
        backup_ui.start_daily(window, window.app)
    if not unattended:
        window.show_warnings()


def ask_first_start(label: str, window: MainWindow, *, missing: bool) -> FirstStartChoice | None:
    """The first-start question (tests replace this)."""
    from desktop.ui.first_start import FirstStartDialog

    dialog = FirstStartDialog(label, window, missing=missing)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    run_modal(dialog)
    return dialog.choice


def missing_store(
    window: MainWindow,
    path: str,
    create_app: AppFactory,
    open_demo: AppFactory,
    give_up: Callable[[int], None],
) -> None:
    """No store at ``path``: a new one only when the user picks a way to start."""
    window.set_busy(
        QCoreApplication.translate("Launch", "There is no database at %1.").replace("%1", path)
    )
    choice = ask_first_start(path, window, missing=True)
    if choice is None:
        give_up(0)  # the path was wrong: nothing was made
        return

    def show(result: tuple[AppContext, LicenseQuery, bool]) -> None:
        chosen, query, _empty = result
        window.attach(chosen, query)
        window.when_rows_painted(lambda: finish_window(window, False))
        if choice is FirstStartChoice.IMPORT:
            import_a_file(window)

    if choice is FirstStartChoice.DEMO:

        def prepare_demo() -> tuple[AppContext, LicenseQuery, bool]:
            demo_app = open_demo()
            if demo_app.prepare_demo is not None:
                demo_app.prepare_demo()
            return opened(demo_app)

        Op(window, lambda _p: prepare_demo()).success(show).run()
        return
    Op(window, lambda _p: opened(create_app())).success(show).run()


def import_a_file(window: MainWindow) -> None:
    path = open_file_name(
        window,
        QCoreApplication.translate("Launch", "Import data"),
        QCoreApplication.translate("Launch", "License Desk export (*.json *.csv)"),
    )
    if path:
        window.import_path(Path(path))


def first_start(window: MainWindow, app: AppContext, open_demo: AppFactory) -> None:
    choice = ask_first_start(app.db_label, window, missing=False)

    def show(result: tuple[AppContext, LicenseQuery, bool]) -> None:
        chosen, query, _empty = result
        window.attach(chosen, query)
        window.when_rows_painted(lambda: finish_window(window, False))

    if choice is FirstStartChoice.DEMO:

        def prepare_demo() -> tuple[AppContext, LicenseQuery, bool]:
            demo_app = open_demo()
            if demo_app.prepare_demo is not None:
                demo_app.prepare_demo()
            return opened(demo_app)

        Op(window, lambda _p: prepare_demo()).success(show).run()
        return
    show(opened(app))
    if choice is FirstStartChoice.IMPORT:
        import_a_file(window)
