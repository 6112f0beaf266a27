"""Issue 12 in the window: busy, read-only, damaged, restore, crashes, file errors
(real SQLite files and locks; message boxes recorded by tests/ui/conftest.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import crash
from desktop.domain.errors import DomainError
from desktop.services import licenses, setup
from desktop.storage import db as storage_db
from desktop.storage.backup import SqliteBackups
from desktop.storage.open import open_store
from desktop.ui import backup_ui, crashes, launch, msgbox, ops
from desktop.ui.first_start import FirstStartChoice
from desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, make_ctx


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    s = open_store(path)
    setup.init_demo(make_ctx(s).db, TODAY)
    s.dispose()
    return path


def open_window(qtbot, app) -> MainWindow:  # noqa: ANN001
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.attach(app, licenses.make_query(app.db, TODAY))
    w.finish_attach()
    return w


def export_of(tmp_path: Path, demo_file: Path) -> Path:
    out = tmp_path / "all.json"
    s = open_store(demo_file)
    setup.export_file(make_ctx(s).db, out, "json")
    s.dispose()
    return out


class Lock:
    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.conn is not None:
            self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]


# ---------------------------------------------------------------- busy


def test_a_write_waits_visibly_for_another_program(
    qtbot,
    tmp_path: Path,
    demo_file: Path,
    msgboxes,
    monkeypatch,  # noqa: ANN001
) -> None:
    monkeypatch.setattr(storage_db, "STORE_BUSY_WAIT_S", 60.0)
    monkeypatch.setattr(ops, "PROGRESS_DELAY_MS", 60_000)  # only the wait shows it
    data = export_of(tmp_path, demo_file)
    empty = tmp_path / "empty.db"
    ctx = make_ctx(open_store(empty))
    w = open_window(qtbot, ctx)
    lock = Lock(empty)
    try:
        op = w.import_path(data)
        qtbot.waitUntil(
            lambda: "Waiting for another program" in w.statusBar().currentMessage(),
            timeout=20_000,
        )
        dialog = op._dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.labelText() == ops.waiting_text()
    finally:
        lock.release()
    qtbot.waitUntil(lambda: bool(msgboxes.infos), timeout=20_000)
    assert "Imported 20 licenses" in msgboxes.infos[-1][1]
    assert w.statusBar().currentMessage() == ""
    ctx.db.dispose()


def test_a_write_that_waits_too_long_says_another_program_is_writing(
    qtbot,
    tmp_path: Path,
    demo_file: Path,
    msgboxes,
    monkeypatch,  # noqa: ANN001
) -> None:
    monkeypatch.setattr(storage_db, "STORE_BUSY_WAIT_S", 0.5)
    data = export_of(tmp_path, demo_file)
    empty = tmp_path / "empty.db"
    ctx = make_ctx(open_store(empty))
    w = open_window(qtbot, ctx)
    lock = Lock(empty)
    try:
        w.import_path(data)
        qtbot.waitUntil(lambda: bool(msgboxes.errors), timeout=20_000)
    finally:
        lock.release()
    assert msgboxes.errors[-1] == (
        "Import",
        "Another program is writing to this database; try again in a moment.",
    )
    assert not msgboxes.crashes
    ctx.db.dispose()


# ---------------------------------------------------------------- read-only


def test_a_read_only_file_opens_with_a_banner_and_no_writing_actions(
    qtbot,
    demo_file: Path,  # noqa: ANN001
) -> None:
    demo_file.chmod(0o444)
    try:
        ctx = make_ctx(open_store(demo_file, create=False))
        w = open_window(qtbot, ctx)
        assert not ctx.writable
        notice = w.notices[0]
        assert notice.isVisible()
        assert "is read-only: you can look, but nothing can be changed" in notice.text.text()
        for act in (w.act_import, w.act_activate, w.act_settings, w.act_restore):
            assert not act.isEnabled(), act.text()
        assert w.act_export.isEnabled()
        assert w.model is not None and w.model.rowCount() == 20
        ctx.db.dispose()
    finally:
        demo_file.chmod(0o644)


# ---------------------------------------------------------------- damaged


def damage(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(4096 * 5)
        fh.write(b"\xde\xad" * 4096)


def test_a_damaged_store_offers_its_last_good_backup(
    qtbot,
    demo_file: Path,
    msgboxes,  # noqa: ANN001
) -> None:
    backups = SqliteBackups(demo_file)
    backups.create("daily")
    damage(demo_file)
    with pytest.raises(DomainError) as err:
        open_store(demo_file, create=False)
    assert err.value.code == "store_damaged"
    w = MainWindow()
    qtbot.addWidget(w)
    reopened: list[bool] = []
    gave_up: list[int] = []
    msgboxes.answer = True
    backup_ui.offer_last_good(
        w, err.value, backups, lambda: reopened.append(True), lambda: gave_up.append(2)
    )
    qtbot.waitUntil(lambda: bool(reopened), timeout=20_000)
    title, text = msgboxes.questions[-1]
    assert title == "The database is damaged"
    assert "is damaged" in text and "The last good backup is from" in text
    assert "was restored from" in msgboxes.infos[-1][1]
    assert not gave_up
    s = open_store(demo_file, create=False)  # whole again
    assert licenses.count(make_ctx(s).db, licenses.make_query(make_ctx(s).db, TODAY)) == 20
    s.dispose()
    assert [b.reason for b in backups.list()].count("damaged") == 1  # kept, byte for byte


def test_a_damaged_store_without_a_backup_says_so_and_quits(
    qtbot,
    demo_file: Path,
    msgboxes,  # noqa: ANN001
) -> None:
    damage(demo_file)
    err = DomainError("store_damaged", path=str(demo_file), detail="x")
    w = MainWindow()
    qtbot.addWidget(w)
    gave_up: list[int] = []
    backup_ui.offer_last_good(
        w, err, SqliteBackups(demo_file), lambda: None, lambda: gave_up.append(2)
    )
    qtbot.waitUntil(lambda: bool(gave_up), timeout=20_000)
    assert "No usable backup was found" in msgboxes.errors[-1][1]


# ---------------------------------------------------------------- restore


def test_file_restore_from_backup(qtbot, demo_file: Path, msgboxes) -> None:  # noqa: ANN001
    made = SqliteBackups(demo_file).create("manual")
    ctx = make_ctx(open_store(demo_file, create=False))
    with ctx.db.uow(write=True) as uow:
        uow.settings.set("expiring_days", "21")
        uow.commit()
    w = open_window(qtbot, ctx)
    assert w.act_restore.isEnabled()
    reopened: list[bool] = []
    w.reopen = lambda: reopened.append(True)
    msgboxes.answer = True
    w.restore_backup(made.path)
    qtbot.waitUntil(lambda: bool(reopened), timeout=20_000)
    assert "Replace the database" in msgboxes.questions[-1][1]
    assert "The database as it was is kept in" in msgboxes.infos[-1][1]
    s = open_store(demo_file, create=False)
    with make_ctx(s).db.uow() as uow:
        assert uow.settings.get("expiring_days") in (None, "30")
    s.dispose()


def test_restore_refuses_while_another_program_has_the_store_open(
    qtbot,
    demo_file: Path,
    msgboxes,  # noqa: ANN001
) -> None:
    made = SqliteBackups(demo_file).create("manual")
    ctx = make_ctx(open_store(demo_file, create=False))
    w = open_window(qtbot, ctx)
    reopened: list[bool] = []
    w.reopen = lambda: reopened.append(True)
    other = sqlite3.connect(demo_file)
    other.execute("SELECT 1 FROM licenses").fetchone()
    try:
        w.restore_backup(made.path)
        qtbot.waitUntil(lambda: bool(reopened), timeout=20_000)
    finally:
        other.close()
    assert "has " + str(demo_file) + " open" in msgboxes.errors[-1][1]


def test_the_restore_dialog_lists_the_backups(qtbot, demo_file: Path) -> None:  # noqa: ANN001
    backups = SqliteBackups(demo_file)
    backups.create("daily")
    backups.create("manual")
    dialog = backup_ui.RestoreDialog(backups.list(), backups.folder, None)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog._take_selected()
    assert dialog.chosen == backups.list()[0].path


def test_the_daily_backup_runs_while_the_window_does(
    qtbot,
    demo_file: Path,  # noqa: ANN001
) -> None:
    ctx = make_ctx(open_store(demo_file, create=False))
    w = open_window(qtbot, ctx)
    backup_ui.start_daily(w, ctx)
    qtbot.waitUntil(
        lambda: [b.reason for b in SqliteBackups(demo_file).list()] == ["daily"], timeout=20_000
    )
    daily = w.findChild(backup_ui.DailyBackups)
    assert daily is not None and daily.timer.isActive()
    daily.check()  # the same day: no second one
    qtbot.waitUntil(lambda: not daily._running, timeout=20_000)
    assert len(SqliteBackups(demo_file).list()) == 1
    ctx.db.dispose()


# ---------------------------------------------------------------- crashes


def test_an_unexpected_error_writes_a_report_and_shows_copy_details(
    qtbot,
    demo_ctx,
    msgboxes,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    w = open_window(qtbot, demo_ctx)
    crashes.install(lambda: w, unattended=False)
    try:

        def bug(_progress: object) -> None:
            raise ZeroDivisionError("postgresql://u:pw@h/x")

        ops.Op(w, bug).run()
        qtbot.waitUntil(lambda: bool(msgboxes.crashes), timeout=20_000)
    finally:
        crash.set_presenter(None)
    title, text, details = msgboxes.crashes[-1]
    assert title == "Unexpected error"
    assert "ZeroDivisionError" in text and "A report was written to" in text
    report = Path(text.split("written to ", 1)[1].split(" (it holds", 1)[0])
    assert report.read_text(encoding="utf-8") == details
    assert "pw" not in details.replace("postgresql://u:***@h/x", "")
    assert "Traceback" in details and "License Desk 0.1.0 crash report" in details


def test_the_crash_message_copies_its_details(qtbot, msgboxes) -> None:  # noqa: ANN001
    real_crash = msgboxes.originals["crash"]

    def press() -> None:
        dialog = next(d for d in QApplication.topLevelWidgets() if d.objectName() == "crashDialog")
        buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
        buttons["&Copy details"].click()
        assert buttons["&Copy details"].text() == "Copied"  # still open
        buttons["&Keep working"].click()

    QTimer.singleShot(0, press)
    quit_app = real_crash(None, "Unexpected error", "text", "the report\nline 2")
    assert quit_app is False
    assert QApplication.clipboard().text() == "the report\nline 2"


# ---------------------------------------------------------------- file dialogs


def test_import_says_what_any_loader_error_means(
    qtbot,
    demo_ctx,
    msgboxes,
    tmp_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    w = open_window(qtbot, demo_ctx)
    w.import_path(tmp_path)  # a folder: the OS's reason
    qtbot.waitUntil(lambda: bool(msgboxes.errors), timeout=20_000)
    said = msgboxes.errors[-1][1]
    assert said.startswith("Cannot read ") and tmp_path.name[-12:] in said, said
    assert said.endswith("Is a directory"), said  # the OS's reason
    from desktop.services import dataset

    def broken(_path: Path, _today: object, _progress: object = None) -> object:
        raise KeyError("licenses")  # a loader that failed to say it better

    monkeypatch.setattr(dataset, "check_file", broken)
    w.import_path(tmp_path / "x.json")
    qtbot.waitUntil(lambda: len(msgboxes.errors) == 2, timeout=20_000)
    assert (
        "cannot be read: it is not in a form License Desk reads (KeyError"
        in (msgboxes.errors[-1][1])
    )
    assert not msgboxes.crashes


def test_loading_releases_says_what_any_loader_error_means(
    qtbot,
    demo_ctx,
    msgboxes,
    tmp_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    import zipfile

    from desktop.services import bases as bases_service

    w = open_window(qtbot, demo_ctx)

    def broken(_db: object, _path: Path) -> object:
        raise zipfile.BadZipFile("File is not a zip file")

    monkeypatch.setattr(bases_service, "load_feed", broken)
    w.bases_view.load_path(tmp_path / "feed.zip")
    qtbot.waitUntil(lambda: bool(msgboxes.errors), timeout=20_000)
    assert "feed.zip cannot be read" in msgboxes.errors[-1][1]
    assert "BadZipFile" in msgboxes.errors[-1][1]


# ---------------------------------------------------------------- a missing store


def test_a_missing_store_is_made_only_when_the_user_chooses(
    qtbot,
    tmp_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    typo = tmp_path / "typo" / "licdsk.db"
    w = MainWindow()
    qtbot.addWidget(w)
    answers: list[FirstStartChoice | None] = [None, FirstStartChoice.EMPTY]
    asked: list[bool] = []

    def ask(_label: str, _window: MainWindow, *, missing: bool) -> FirstStartChoice | None:
        asked.append(missing)
        return answers.pop(0)

    monkeypatch.setattr(launch, "ask_first_start", ask)

    def create():  # noqa: ANN202
        return make_ctx(open_store(typo, create=True))

    gave_up: list[int] = []
    launch.missing_store(w, str(typo), create, create, gave_up.append)
    assert gave_up == [0] and not typo.parent.exists()  # closed: nothing made
    launch.missing_store(w, str(typo), create, create, gave_up.append)
    qtbot.waitUntil(lambda: w.app is not None, timeout=20_000)
    assert typo.exists() and asked == [True, True]
    w.app.db.dispose()


def test_the_first_start_dialog_for_a_missing_store_makes_nothing_when_closed(
    qtbot,  # noqa: ANN001
) -> None:
    from desktop.ui.first_start import FirstStartDialog

    d = FirstStartDialog("/tmp/x/licdsk.db", missing=True)
    qtbot.addWidget(d)
    assert d.choice is None
    d.reject()
    assert d.choice is None
    assert msgbox is not None
