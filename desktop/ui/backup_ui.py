"""Backups in the window: File → Restore from backup, a damaged store's offer of its last
good backup, and the daily automatic backup while the window runs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.services import backup
from desktop.services.ports import BackupInfo, Backups, RestoreResult
from desktop.ui import formatting as fmt
from desktop.ui import msgbox
from desktop.ui.errors import describe, message
from desktop.ui.ops import Op

log = logging.getLogger(__name__)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


class RestoreDialog(QDialog):
    """The store's backups, newest first, or another backup file."""

    def __init__(self, found: list[BackupInfo], folder: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Pick the backup to restore. The database as it is now is backed up first, "
                "so this can be undone. Backups are kept in %1."
            ).replace("%1", str(folder))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        reasons = {
            "manual": self.tr("made by hand"),
            "daily": self.tr("daily"),
            "before-migration": self.tr("before an upgrade"),
            "before-import": self.tr("before an import"),
            "before-restore": self.tr("before a restore"),
            "damaged": self.tr("the damaged database"),
        }
        for info in found:
            text = (
                f"{fmt.date_text(info.created.date())} {info.created.strftime('%H:%M')}  —  "
                f"{reasons.get(info.reason, info.reason)}  ({_size(info.size)})"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        if not found:
            self.list.addItem(self.tr("No backups yet."))
            self.list.setEnabled(False)
        else:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._take_selected())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(found))
        other = buttons.addButton(self.tr("&Other file..."), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self._take_selected)
        other.clicked.connect(self._other_file)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _take_selected(self) -> None:
        item = self.list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if data:
            self.chosen = Path(str(data))
            self.accept()

    def _other_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from backup"),
            "",
            self.tr("License Desk backup (*.db *.dump);;All files (*)"),
        )
        if path:
            self.chosen = Path(path)
            self.accept()


def choose_backup(parent: QWidget, backups: Backups) -> Path | None:
    """The backup the user picks (tests replace this)."""
    # A damaged store's byte copy is kept for whoever investigates, not to restore.
    found = [b for b in backup.list_backups(backups) if b.reason != "damaged"]
    dialog = RestoreDialog(found, backups.folder, parent)
    dialog.exec()
    return dialog.chosen


def restore_into(
    parent: QWidget,
    app: AppContext,
    reopen: Callable[[], None] | None,
    *,
    path: Path | None = None,
) -> Op[RestoreResult] | None:
    """File → Restore from backup: pick, confirm, close the store, restore, reopen."""
    title = QCoreApplication.translate("Backups", "Restore from backup")
    try:
        backups = backup.backups_of(app.db)
    except DomainError as err:
        msgbox.error(parent, title, message(err))
        return None
    chosen = path or choose_backup(parent, backups)
    if chosen is None:
        return None
    if not msgbox.ask(
        parent,
        title,
        QCoreApplication.translate(
            "Backups",
            "Replace the database %1 with the backup %2?\n\nThe database as it is now is "
            "backed up first.",
        )
        .replace("%1", app.db_label)
        .replace("%2", str(chosen)),
        yes_text=QCoreApplication.translate("Backups", "&Restore"),
        no_text=QCoreApplication.translate("Backups", "Cancel"),
    ):
        return None
    app.db.dispose()  # our own connections too: a restore needs the store closed
    return run_restore(parent, backups, chosen, reopen)


def run_restore(
    parent: QWidget, backups: Backups, chosen: Path, reopen: Callable[[], None] | None
) -> Op[RestoreResult]:
    title = QCoreApplication.translate("Backups", "Restore from backup")

    def done(result: RestoreResult) -> None:
        text = QCoreApplication.translate("Backups", "The database was restored from %1.").replace(
            "%1", str(result.restored.path)
        )
        if result.safety is not None:
            text += "\n" + QCoreApplication.translate(
                "Backups", "The database as it was is kept in %1."
            ).replace("%1", str(result.safety.path))
        msgbox.info(parent, title, text)
        if reopen is not None:
            reopen()

    def failed(exc: Exception) -> None:
        msgbox.error(parent, title, describe(exc, chosen))
        if reopen is not None:
            reopen()  # nothing was replaced: open the store as it was

    op: Op[RestoreResult] = (
        Op(parent, lambda _p: backup.restore(backups, chosen))
        .titled(title)
        .with_progress(
            QCoreApplication.translate("Backups", "Restoring %1...").replace("%1", chosen.name)
        )
        .success(done)
        .failure(failed)
    )
    op.run()
    return op


def offer_last_good(
    parent: QWidget,
    err: DomainError,
    backups: Backups,
    reopen: Callable[[], None],
    give_up: Callable[[], None],
) -> None:
    """A damaged store: find its last good backup (on a worker) and offer to restore it."""
    title = QCoreApplication.translate("Backups", "The database is damaged")

    def found(good: BackupInfo | None) -> None:
        if good is None:
            msgbox.error(
                parent,
                title,
                message(err)
                + "\n\n"
                + QCoreApplication.translate(
                    "Backups", "No usable backup was found in %1."
                ).replace("%1", str(backups.folder)),
            )
            give_up()
            return
        when = f"{fmt.date_text(good.created.date())} {good.created.strftime('%H:%M')}"
        if msgbox.ask(
            parent,
            title,
            message(err)
            + "\n\n"
            + QCoreApplication.translate(
                "Backups",
                "The last good backup is from %1. Restore it? The damaged database is kept "
                "as it is in the backup folder.",
            ).replace("%1", when),
            default_yes=True,
            yes_text=QCoreApplication.translate("Backups", "&Restore the backup"),
            no_text=QCoreApplication.translate("Backups", "&Quit"),
        ):
            run_restore(parent, backups, good.path, reopen)
        else:
            give_up()

    def failed(exc: Exception) -> None:
        msgbox.error(parent, title, message(err) + "\n\n" + describe(exc))
        give_up()

    Op(parent, lambda _p: backup.last_good(backups)).success(found).failure(failed).run()


class DailyBackups(QObject):
    """While the window runs: the daily automatic backup, checked now and every hour."""

    def __init__(self, parent: QWidget, app: AppContext) -> None:
        super().__init__(parent)
        self._window = parent
        self._app = app
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(backup.DAILY_BACKUP_CHECK_EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def check(self) -> None:
        if self._running:
            return
        self._running = True
        db = self._app.db

        def made(info: BackupInfo | None) -> None:
            if info is not None:
                log.info("daily backup: %s", info.path)

        def failed(exc: Exception) -> None:
            log.warning("the daily backup failed: %s", exc)
            text = message(exc) if isinstance(exc, DomainError) else describe(exc)
            bar = getattr(self._window, "statusBar", None)
            if callable(bar):
                bar().showMessage(
                    QCoreApplication.translate("Backups", "The daily backup failed: %1").replace(
                        "%1", text
                    ),
                    15000,
                )

        def over() -> None:
            self._running = False

        Op(self._window, lambda _p: backup.daily(db)).success(made).failure(failed).finally_(
            over
        ).run()


def start_daily(window: QWidget, app: AppContext) -> DailyBackups:
    old = window.findChild(DailyBackups)
    if old is not None:
        old.timer.stop()
        old.deleteLater()
    return DailyBackups(window, app)
