"""Issue 12 in the storage layer, in process: the busy wait, read-only opening, the
damage check, backups kept within bounds (real SQLite files, real locks)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop.domain.errors import DomainError
from desktop.services import backup, setup
from desktop.storage import backup as storage_backup
from desktop.storage import db as storage_db
from desktop.storage import health
from desktop.storage.database import open_database, open_fast_database
from desktop.storage.open import open_store

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    db = open_database(str(path))
    setup.init_demo(db, TODAY)
    db.dispose()
    return path


def test_a_write_waits_says_so_and_is_refused_with_store_busy(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage_db, "STORE_BUSY_WAIT_S", 0.6)
    db = open_database(str(demo_file), create=False)
    heard: list[bool] = []
    db.watch_busy(heard.append)
    other = sqlite3.connect(demo_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DomainError) as err, db.uow(write=True) as uow:
            uow.settings.set("probe", "1")
            uow.commit()
        assert err.value.code == "store_busy"
        assert heard == [True, False]
    finally:
        other.execute("ROLLBACK")
        other.close()
    heard.clear()
    with db.uow(write=True) as uow:  # free again: no wait, nothing said
        uow.settings.set("probe", "1")
        uow.commit()
    assert heard == []
    db.dispose()


def test_sqlite_errors_become_sentences(tmp_path: Path) -> None:
    for text, code in (
        ("database is locked", "store_busy"),
        ("database disk image is malformed", "store_damaged"),
        ("file is not a database", "store_damaged"),
        ("attempt to write a readonly database", "read_only_media"),
        ("database or disk is full", "disk_full"),
        ("disk I/O error", "store_io"),
    ):
        err = health.translate(sqlite3.OperationalError(text), "x.db")
        assert err is not None and err.code == code
    assert health.translate(sqlite3.OperationalError("no such table: x"), "x.db") is None
    assert health.translate(ValueError("x"), "x.db") is None


def test_a_file_marked_read_only_opens_read_only_even_for_root(demo_file: Path) -> None:
    demo_file.chmod(0o444)
    try:
        for opened in (open_fast_database(str(demo_file)), open_database(str(demo_file))):
            assert opened is not None
            reason = opened.read_only_reason()
            assert reason is not None and reason.code == "read_only_file"
            with pytest.raises(DomainError) as err:
                opened.check_writable()
            assert err.value.code == "read_only_file"
            with opened.read() as view:  # reading works
                assert view.settings.get("store_id")
            opened.dispose()
    finally:
        demo_file.chmod(0o644)


def test_a_read_only_folder_without_wal_is_read_immutable(demo_file: Path) -> None:
    """What a user who may not write the folder meets (SQLite cannot create its -shm
    there): read as immutable. Root can write any folder, so the decision is checked
    with the folder's permission bits and the immutable open is exercised directly."""
    folder = demo_file.parent
    folder.chmod(0o555)
    try:
        state = health.inspect(demo_file)
        assert state.read_only is not None and state.read_only.code == "read_only_folder"
        if os.geteuid() != 0:
            assert state.immutable
        store = open_store(
            demo_file,
            create=False,
            inspected=health.FileHealth(exists=True, read_only=state.read_only, immutable=True),
        )
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM licenses").scalar() == 20
        store.dispose()
    finally:
        folder.chmod(0o755)
    assert not Path(f"{demo_file}-shm").exists() or os.geteuid() == 0


def test_a_read_only_store_that_needs_an_upgrade_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.commit()
    conn.close()
    path.chmod(0o444)
    try:
        with pytest.raises(DomainError) as err:
            open_store(path, create=False)
        assert err.value.code == "read_only_upgrade"
    finally:
        path.chmod(0o644)


def test_the_damage_check_is_bounded(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    try:
        assert health.quick_check(conn, budget_s=0.0) is None  # stopped at once: not damage
        assert health.quick_check(conn) is None
    finally:
        conn.close()


def test_a_missing_store_is_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "nowhere" / "x.db"
    with pytest.raises(DomainError) as err:
        open_database(str(typo), create=False)
    assert err.value.code == "store_missing"
    assert not typo.parent.exists()
    assert open_fast_database(str(typo)) is None


def test_backups_are_kept_within_bounds(demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_backup, "BACKUPS_KEPT", 3)
    monkeypatch.setattr(storage_backup, "MANUAL_BACKUPS_KEPT", 2)
    backups = storage_backup.SqliteBackups(demo_file)
    for _ in range(5):
        backups.create("daily")
        backups.create("manual")
    listed = backups.list()
    assert sorted(b.reason for b in listed) == ["daily"] * 3 + ["manual"] * 2
    newest = backups.create("daily")
    assert backups.list()[0].path == newest.path  # the one just made is never pruned
    assert all(not p.name.endswith(".part") for p in backups.folder.iterdir())


def test_the_daily_backup_is_made_once_a_day(demo_file: Path) -> None:
    db = open_database(str(demo_file))
    try:
        first = backup.daily(db)
        assert first is not None and first.reason == "daily"
        assert backup.daily(db) is None  # not again the same day
        later = first.created + backup.DAILY_BACKUP_EVERY + dt.timedelta(minutes=1)
        assert backup.daily(db, later) is not None
    finally:
        db.dispose()


def test_a_backup_is_a_whole_single_file(demo_file: Path) -> None:
    info = storage_backup.SqliteBackups(demo_file).create("manual")
    assert not Path(f"{info.path}-wal").exists()
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM licenses").fetchone()[0] == 20
    finally:
        conn.close()
    assert stat.S_ISREG(info.path.stat().st_mode)


def test_restore_replaces_nothing_when_the_backup_is_bad(demo_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    before = demo_file.read_bytes()
    with pytest.raises(DomainError) as err:
        storage_backup.SqliteBackups(demo_file).restore(bad)
    assert err.value.code == "backup_invalid"
    assert demo_file.read_bytes() == before
    assert not list(tmp_path.glob(".*.restoring*"))
