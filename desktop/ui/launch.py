"""Start the GUI: the window first (fast first paint), then the store, then the data."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.ui import i18n, msgbox
from desktop.ui.errors import message
from desktop.ui.icons import icon
from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(icon("app"))
    return app  # type: ignore[return-value]


def install_features(ctx: AppContext, window: MainWindow) -> None:
    """Wire the feature dialogs and views onto the window (UI side of the composition)."""
    from desktop.ui import features

    features.install(ctx, window)


def run_gui(
    open_ctx: Callable[[], AppContext],
    *,
    demo: bool,
    lang: str | None,
    quit_after_ms: int | None,
    open_demo: Callable[[], AppContext],
    ensure_demo: Callable[[AppContext], None],
) -> int:
    app = make_app()
    i18n.install(i18n.chosen_language(lang))
    window = MainWindow()
    window.show()
    unattended = quit_after_ms is not None
    exit_code = 0

    def finish_start() -> None:
        nonlocal exit_code

        try:
            ctx = open_ctx()
            if demo:
                ensure_demo(ctx)
            elif not unattended and _is_empty(ctx):
                ctx = first_start(window, ctx, open_demo, ensure_demo)
        except DomainError as err:
            log.error("cannot open the store: %s", err)
            msgbox.error(window, QCoreApplication.translate("Launch", "License Desk"), message(err))
            exit_code = 2
            app.quit()
            return
        window.attach(ctx)
        # The rows paint first; then the rest (it may import SQLAlchemy and build tabs).
        window.when_rows_painted(lambda: finish_window(ctx, window, unattended))

    QTimer.singleShot(0, finish_start)
    if unattended:
        QTimer.singleShot(quit_after_ms, app.quit)
    code = app.exec()
    return exit_code or code


def finish_window(ctx: AppContext, window: MainWindow, unattended: bool) -> None:
    install_features(ctx, window)
    window.finish_attach()
    if not unattended:
        window.show_warnings()


def _is_empty(ctx: AppContext) -> bool:
    with ctx.read() as view:
        return bool(view.licenses.store_is_empty())


def first_start(
    window: MainWindow,
    ctx: AppContext,
    open_demo: Callable[[], AppContext],
    ensure_demo: Callable[[AppContext], None],
) -> AppContext:
    from desktop.services import setup
    from desktop.ui.first_start import FirstStartChoice, FirstStartDialog

    dialog = FirstStartDialog(ctx.db_label, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.exec()
    if dialog.choice is FirstStartChoice.DEMO:
        demo_ctx = open_demo()
        ensure_demo(demo_ctx)
        return demo_ctx
    if dialog.choice is FirstStartChoice.IMPORT:
        path, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("Launch", "Import data"),
            "",
            QCoreApplication.translate("Launch", "License Desk export (*.json *.csv)"),
        )
        if path:
            try:
                setup.import_file(ctx.uow, Path(path))
            except DomainError as err:
                msgbox.error(window, QCoreApplication.translate("Launch", "Import"), message(err))
    return ctx
