"""Issue 12 through the real entry point: nothing a disk, another program or a typed
argument does gets a traceback (real files, real subprocesses, real locks)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

TODAY = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]
DEVICE = "CP30-3210741300095-3210741300095"


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("LICDESK_DB", None)
    env.pop("LICDESK_TODAY", None)
    env.update(
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="tests.support.filekeyring.FileKeyring",
        LICDESK_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def run(tmp_path: Path, *args: str | bytes, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"desktop",
            *[a if isinstance(a, bytes) else os.fsencode(a) for a in args],
        ],
        capture_output=True,
        text=True,
        errors="replace",
        env=env_for(tmp_path, **extra),
        timeout=120,
    )


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr + r.stdout, r.stderr
    assert "Logging error" not in r.stderr, r.stderr


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, made once per module through the real ``init --demo``."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "store.db"
    r = run(folder, "--today", TODAY.isoformat(), "--db", str(db), "init", "--demo")
    assert r.returncode == 0, r.stderr
    assert not Path(f"{db}-wal").exists()  # closed cleanly: one file to copy
    return db


@pytest.fixture
def demo_db(tmp_path: Path, template_db: Path) -> Path:
    db = tmp_path / "store.db"
    db.write_bytes(template_db.read_bytes())
    return db


def events(db: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT kind, details FROM events ORDER BY id").fetchall()
    finally:
        conn.close()
    return [{"kind": k, **json.loads(d or "{}")} for k, d in rows]


def setting(db: Path, key: str) -> str | None:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


# ---------------------------------------------------------------- item 3: arguments

BAD = b"\xff\xc0z"  # not UTF-8: arrives as surrogate escapes


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        [b"licenses", b"--search", BAD],
        [b"licenses", b"--status", BAD],
        [b"quote", b"--license", BAD],
        [b"quote", b"--license", b"1", b"--on", BAD],
        [b"order", b"create", b"--license", BAD],
        [b"install", b"--base", b"1", b"--version", BAD],
        [b"settings", b"--authority-url", b"http://" + BAD],
        [b"settings", b"--warning-stages", BAD],
        [b"load-license", b"/nonexistent/" + BAD],
        [b"import", b"/nonexistent/" + BAD],
        [b"releases", b"load", b"/nonexistent/" + BAD],
        [b"restore", b"/nonexistent/" + BAD],
        [b"licenses", BAD],
        [BAD],
        [b"--today", BAD, b"licenses"],
        [b"--lang", BAD, b"licenses"],
    ],
    ids=lambda a: b" ".join(a).decode("ascii", "replace"),
)
def test_any_bytes_in_any_argument_is_a_clear_refusal(
    tmp_path: Path, demo_db: Path, args: list[bytes]
) -> None:
    r = run(tmp_path, "--db", str(demo_db), *args)
    no_traceback(r)
    assert r.returncode in (0, 2), r.stderr
    if r.returncode:
        line = r.stderr.strip().splitlines()[-1]
        assert line.startswith("licdesk"), r.stderr


@pytest.mark.slow
def test_a_code_typed_in_another_encoding_is_refused_and_recorded(
    tmp_path: Path, demo_db: Path
) -> None:
    # "АБВГД" typed on a Windows-1251 keyboard layout: bytes that are not UTF-8 here
    code = "АБВГД".encode("cp1251") + b"-1234-12345-12345-12345"
    r = run(tmp_path, "--db", str(demo_db), "activate", "--device", DEVICE, "--code", code)
    no_traceback(r)
    assert r.returncode == 2 and r.stderr.startswith("licdesk: ")
    refused = [e for e in events(demo_db) if e["kind"] == "refused"]
    assert refused and refused[-1]["device_code"] == DEVICE
    device = "ТСД".encode("cp1251")
    r = run(tmp_path, "--db", str(demo_db), "activate", "--device", device, "--code", code)
    no_traceback(r)
    assert r.returncode == 2
    last = [e for e in events(demo_db) if e["kind"] == "refused"][-1]
    assert last["reason"] == "device_code_malformed" and "?" in str(last["device_code"])


@pytest.mark.slow
@pytest.mark.parametrize("day", ["1999-12-31", "2200-01-01", "0001-01-01", "9999-12-31"])
def test_today_far_away_is_refused(tmp_path: Path, demo_db: Path, day: str) -> None:
    r = run(tmp_path, "--db", str(demo_db), "--today", day, "licenses")
    no_traceback(r)
    assert r.returncode == 2 and "2000-01-01 to 2199-12-31" in r.stderr
    r = run(tmp_path, "--db", str(demo_db), "licenses", LICDESK_TODAY=day)
    no_traceback(r)
    assert r.returncode == 2 and "2000-01-01 to 2199-12-31" in r.stderr


@pytest.mark.slow
@pytest.mark.parametrize("day", ["2000-01-01", "2199-12-31"])
def test_today_at_the_bounds_works(tmp_path: Path, demo_db: Path, day: str) -> None:
    for command in (["licenses", "--json"], ["warnings", "--json"], ["forecast", "--json"]):
        r = run(tmp_path, "--db", str(demo_db), "--today", day, *command)
        no_traceback(r)
        assert r.returncode == 0, r.stderr
        json.loads(r.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("port", ["99999", "0", "abc", "-1"])
def test_a_postgresql_url_with_a_bad_port_says_so(tmp_path: Path, port: str) -> None:
    url = f"postgresql+psycopg://x:secret@127.0.0.1:{port}/db"
    r = run(tmp_path, "--db", url, "licenses")
    no_traceback(r)
    assert r.returncode == 2
    assert f"port '{port}'" in r.stderr and "1 to 65535" in r.stderr
    assert "secret" not in r.stderr


# ---------------------------------------------------------------- item 4: missing


@pytest.mark.slow
def test_a_mistyped_db_path_is_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "no-such-folder" / "licdsk.db"
    for command in (["licenses"], ["settings", "--expiring-days", "20"], ["import", "x.json"]):
        r = run(tmp_path, "--db", str(typo), *command)
        no_traceback(r)
        assert r.returncode == 2 and "There is no License Desk database" in r.stderr
        assert f"licdesk --db {typo} init" in r.stderr
    assert not typo.parent.exists()
    r = run(tmp_path, "--db", str(typo), "init")
    assert r.returncode == 0 and typo.exists()


# ---------------------------------------------------------------- item 4: busy


class Lock:
    """Another program holding the store's write lock (a real SQLite connection)."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


@pytest.mark.slow
def test_a_write_while_another_program_writes_waits_then_says_so(
    tmp_path: Path, demo_db: Path
) -> None:
    lock = Lock(demo_db)
    try:
        r = run(tmp_path, "--db", str(demo_db), "settings", "--expiring-days", "20")
    finally:
        lock.release()
    no_traceback(r)
    assert r.returncode == 2
    assert "another program is writing to this database; waiting" in r.stderr
    assert r.stderr.strip().endswith(
        "Another program is writing to this database; try again in a moment."
    )
    assert setting(demo_db, "expiring_days") in (None, "30")
    # reads are not blocked by a writer (WAL)
    lock = Lock(demo_db)
    try:
        r = run(tmp_path, "--db", str(demo_db), "licenses", "--json")
    finally:
        lock.release()
    assert r.returncode == 0 and "waiting" not in r.stderr


@pytest.mark.slow
def test_a_refused_activation_is_recorded_once_the_other_program_is_done(
    tmp_path: Path, demo_db: Path
) -> None:
    lock = Lock(demo_db)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(demo_db),
            "activate",
            "--device",
            DEVICE,
            "--code",
            "AAAAA-BBBB-CCCCC-DDDDD-EEEEE",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_for(tmp_path),
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the write of the refusal waits: it says so
        assert "waiting" in first
    finally:
        lock.release()
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "Traceback" not in err
    refused = [e for e in events(demo_db) if e["kind"] == "refused"]
    assert refused and refused[-1]["device_code"] == DEVICE


# ---------------------------------------------------------------- item 4: read-only


@pytest.mark.slow
def test_a_read_only_file_opens_read_only(tmp_path: Path, demo_db: Path) -> None:
    demo_db.chmod(0o444)
    try:
        r = run(tmp_path, "--db", str(demo_db), "--today", TODAY.isoformat(), "licenses", "--json")
        assert r.returncode == 0, r.stderr
        assert len(json.loads(r.stdout)) == 20
        for command in (
            ["settings", "--expiring-days", "20"],
            ["activate", "--device", DEVICE, "--code", "AAAAA-BBBB-CCCCC-DDDDD-EEEEE"],
            ["warnings", "--ack"],
        ):
            r = run(tmp_path, "--db", str(demo_db), *command)
            no_traceback(r)
            assert r.returncode == 2 and "is read-only" in r.stderr, r.stderr
        assert setting(demo_db, "expiring_days") in (None, "30")
        r = run(tmp_path, "--db", str(demo_db), "backup")  # a backup only reads
        assert r.returncode == 0, r.stderr
    finally:
        demo_db.chmod(0o644)


@pytest.mark.slow
def test_a_read_only_folder_opens_read_only(tmp_path: Path, demo_db: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.db"
    db.write_bytes(demo_db.read_bytes())
    folder.chmod(0o555)
    try:
        r = run(tmp_path, "--db", str(db), "--today", TODAY.isoformat(), "licenses", "--json")
        assert r.returncode == 0, r.stderr
        r = run(tmp_path, "--db", str(db), "settings", "--expiring-days", "20")
        no_traceback(r)
        assert r.returncode == 2 and f"The folder {folder} is read-only" in r.stderr
    finally:
        folder.chmod(0o755)


# ---------------------------------------------------------------- item 4: damaged


def overwrite_pages(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.seek(4096 * 5)
        fh.write(b"\xde\xad" * 4096)


def truncate(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)


def lose_the_wal_mid_checkpoint(db: Path) -> None:
    """A big change only in the WAL, half of it copied into the file (an interrupted
    checkpoint), then the -wal deleted: the pairing RELIABILITY.md warns about."""
    import struct

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("BEGIN")
    for i in range(2000):
        conn.execute(
            "INSERT INTO events (occurred_at, kind, details) VALUES ('2026-01-01', 'note', ?)",
            (os.urandom(60).hex() + str(i),),
        )
    conn.execute("COMMIT")
    wal = Path(f"{db}-wal").read_bytes()
    page = struct.unpack(">I", wal[8:12])[0]
    frames = (len(wal) - 32) // (24 + page)
    copy = db.read_bytes()
    conn.close()  # (checkpoints everything: we put back the file as it was before)
    db.write_bytes(copy)
    Path(f"{db}-wal").unlink(missing_ok=True)
    Path(f"{db}-shm").unlink(missing_ok=True)
    with db.open("r+b") as fh:
        for i in range(frames // 2):
            off = 32 + i * (24 + page)
            number = struct.unpack(">I", wal[off : off + 4])[0]
            fh.seek((number - 1) * page)
            fh.write(wal[off + 24 : off + 24 + page])


@pytest.mark.slow
@pytest.mark.parametrize("damage", [overwrite_pages, truncate, lose_the_wal_mid_checkpoint])
def test_a_damaged_store_is_refused_and_the_last_good_backup_offered(
    tmp_path: Path, demo_db: Path, damage
) -> None:  # noqa: ANN001
    r = run(tmp_path, "--db", str(demo_db), "backup")
    assert r.returncode == 0, r.stderr
    damage(demo_db)
    for command in (["licenses"], ["settings", "--expiring-days", "9"], ["bases"]):
        r = run(tmp_path, "--db", str(demo_db), *command)
        no_traceback(r)
        assert r.returncode == 2
        assert f"The database {demo_db} is damaged" in r.stderr, r.stderr
        assert "The last good backup is from" in r.stderr
    command = r.stderr.strip().splitlines()[-1].strip()
    assert command.startswith(f"licdesk --db {demo_db} restore ")
    backup = command.split(" restore ", 1)[1]
    r = run(tmp_path, "--db", str(demo_db), "restore", backup)
    assert r.returncode == 0, r.stderr
    assert "is kept in" in r.stdout  # the damaged file, byte for byte
    r = run(tmp_path, "--db", str(demo_db), "--today", TODAY.isoformat(), "licenses", "--json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 20


@pytest.mark.slow
def test_a_damaged_store_without_backups_says_so(tmp_path: Path) -> None:
    db = tmp_path / "junk.db"
    db.write_bytes(b"this is not a database at all" * 200)
    r = run(tmp_path, "--db", str(db), "licenses")
    no_traceback(r)
    assert r.returncode == 2 and "is damaged (not a SQLite database)" in r.stderr
    assert "No usable backup was found" in r.stderr
    assert db.read_bytes().startswith(b"this is not")  # nothing written over it


# ---------------------------------------------------------------- item 5: backups


@pytest.mark.slow
def test_backup_backups_restore(tmp_path: Path, demo_db: Path) -> None:
    r = run(tmp_path, "--db", str(demo_db), "backup", "--json")
    assert r.returncode == 0, r.stderr
    made = json.loads(r.stdout)
    assert made["reason"] == "manual" and Path(made["path"]).is_file()
    outside = tmp_path / "elsewhere" / "copy.db"
    r = run(tmp_path, "--db", str(demo_db), "backup", "--to", str(outside))
    assert r.returncode == 0 and outside.is_file()
    assert run(tmp_path, "--db", str(demo_db), "settings", "--expiring-days", "21").returncode == 0
    r = run(tmp_path, "--db", str(demo_db), "backups", "--json")
    listed = json.loads(r.stdout)["backups"]
    assert [b["path"] for b in listed] == [made["path"]]
    r = run(tmp_path, "--db", str(demo_db), "restore", made["path"], "--json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["restored"]["revision"] and result["safety"]["reason"] == "before-restore"
    assert setting(demo_db, "expiring_days") in (None, "30")
    # the store as it was before the restore is itself a usable backup
    r = run(tmp_path, "--db", str(demo_db), "restore", result["safety"]["path"])
    assert r.returncode == 0, r.stderr
    assert setting(demo_db, "expiring_days") == "21"


@pytest.mark.slow
def test_restore_checks_before_it_replaces_anything(tmp_path: Path, demo_db: Path) -> None:
    before = demo_db.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(20_000))
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    newer = tmp_path / "newer.db"
    newer.write_bytes(demo_db.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    for path, said in (
        (junk, "is not a usable License Desk backup: not a SQLite database"),
        (other, "is not a usable License Desk backup: not a License Desk database"),
        (newer, "written by a newer License Desk"),
        (tmp_path / "missing.db", "There is no backup file"),
    ):
        r = run(tmp_path, "--db", str(demo_db), "restore", str(path))
        no_traceback(r)
        assert r.returncode == 2 and said in r.stderr, r.stderr
    assert demo_db.read_bytes() == before
    assert run(tmp_path, "--db", str(demo_db), "backups", "--json").returncode == 0


@pytest.mark.slow
def test_restore_refuses_while_another_program_has_the_store_open(
    tmp_path: Path, demo_db: Path
) -> None:
    r = run(tmp_path, "--db", str(demo_db), "backup", "--json")
    path = json.loads(r.stdout)["path"]
    other = sqlite3.connect(demo_db)  # e.g. License Desk in another window
    other.execute("SELECT count(*) FROM licenses").fetchone()
    try:
        r = run(tmp_path, "--db", str(demo_db), "restore", path)
    finally:
        other.close()
    no_traceback(r)
    assert r.returncode == 2 and "has " + str(demo_db) + " open" in r.stderr
    assert run(tmp_path, "--db", str(demo_db), "restore", path).returncode == 0


@pytest.mark.slow
def test_restore_creates_a_missing_store_from_a_backup(tmp_path: Path, demo_db: Path) -> None:
    fresh = tmp_path / "new" / "store.db"
    r = run(tmp_path, "--db", str(demo_db), "backup", "--to", str(tmp_path / "b.db"))
    assert r.returncode == 0
    r = run(tmp_path, "--db", str(fresh), "restore", str(tmp_path / "b.db"))
    assert r.returncode == 0, r.stderr
    r = run(tmp_path, "--db", str(fresh), "--today", TODAY.isoformat(), "licenses", "--json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 20


@pytest.mark.slow
@pytest.mark.postgres
def test_postgresql_backup_and_restore_with_the_real_tools(
    tmp_path: Path, pg_database: str
) -> None:
    r = run(tmp_path, "--db", pg_database, "--today", TODAY.isoformat(), "init", "--demo")
    assert r.returncode == 0, r.stderr
    r = run(tmp_path, "--db", pg_database, "backup", "--json")
    assert r.returncode == 0, r.stderr
    made = json.loads(r.stdout)
    assert made["path"].endswith(".dump")
    assert run(tmp_path, "--db", pg_database, "settings", "--expiring-days", "21").returncode == 0
    listed = json.loads(run(tmp_path, "--db", pg_database, "backups", "--json").stdout)
    assert [b["path"] for b in listed["backups"]] == [made["path"]]
    r = run(tmp_path, "--db", pg_database, "restore", made["path"], "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["safety"]["reason"] == "before-restore"
    r = run(tmp_path, "--db", pg_database, "settings", "--json")
    assert json.loads(r.stdout)["expiring_days"] == 30
    r = run(tmp_path, "--db", pg_database, "--today", TODAY.isoformat(), "licenses", "--json")
    assert len(json.loads(r.stdout)) == 20
    # the events table is append-only again (its trigger came back with the restore)
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_database)
    try:
        with engine.connect() as conn:
            with pytest.raises(Exception, match="append-only|events"):
                conn.execute(text("DELETE FROM events"))
            conn.rollback()
            # another connection open: a restore would pull the store from under it
            r = run(tmp_path, "--db", pg_database, "restore", made["path"])
            assert r.returncode == 2 and "other connection(s)" in r.stderr
    finally:
        engine.dispose()


@pytest.mark.slow
def test_postgresql_without_its_tools_names_them(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    url = "postgresql+psycopg://x:secret@127.0.0.1:1/db"
    r = run(tmp_path, "--db", url, "backup", PATH=str(empty))
    no_traceback(r)
    assert r.returncode == 2 and "pg_dump" in r.stderr and "PATH" in r.stderr
    r = run(tmp_path, "--db", url, "restore", str(tmp_path / "x.dump"), PATH=str(empty))
    assert r.returncode == 2 and "There is no backup file" in r.stderr
    (tmp_path / "x.dump").write_bytes(b"PGDMP")
    r = run(tmp_path, "--db", url, "restore", str(tmp_path / "x.dump"), PATH=str(empty))
    assert r.returncode == 2 and "pg_restore" in r.stderr


@pytest.mark.slow
def test_an_import_and_a_migration_are_backed_up_first(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "all.json"
    assert (
        run(tmp_path, "--db", str(demo_db), "export", "--format", "json", str(out)).returncode == 0
    )
    fresh = tmp_path / "fresh.db"
    assert run(tmp_path, "--db", str(fresh), "init").returncode == 0
    assert run(tmp_path, "--db", str(fresh), "import", str(out)).returncode == 0
    listed = json.loads(run(tmp_path, "--db", str(fresh), "backups", "--json").stdout)
    assert [b["reason"] for b in listed["backups"]] == ["before-import"]


# ---------------------------------------------------------------- item 7: crashes


@pytest.mark.slow
def test_a_crash_in_the_cli_leaves_a_report_and_one_line(tmp_path: Path, demo_db: Path) -> None:
    r = run(
        tmp_path,
        "--db",
        "postgresql+psycopg://u:hunter2@127.0.0.1:1/x",
        "--crash-test",
        "licenses",
    )
    assert r.returncode == 70
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "unexpected error (RuntimeError" in lines[0]
    report = Path(lines[0].rsplit(" is in ", 1)[1])
    text = report.read_text(encoding="utf-8")
    assert report.parent == tmp_path / "data" / "logs"
    for expected in ("License Desk 0.1.0 crash report", "platform:", "python:", "Traceback"):
        assert expected in text
    assert "hunter2" not in text and "u:***@127.0.0.1" in text


@pytest.mark.slow
def test_a_crash_in_the_window_leaves_a_report_and_exits(tmp_path: Path, demo_db: Path) -> None:
    r = run(
        tmp_path,
        "--db",
        str(demo_db),
        "--crash-test",
        "--quit-after",
        "60000",
        QT_QPA_PLATFORM="offscreen",
    )
    assert r.returncode == 70, r.stderr
    reports = list((tmp_path / "data" / "logs").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: crash test" in text and "qt: Qt " in text
    assert "secret" not in text


@pytest.mark.slow
def test_faulthandler_writes_a_hard_crash_to_the_log_folder(tmp_path: Path) -> None:
    code = (
        "from desktop import crash; crash.install(); import faulthandler; faulthandler._sigsegv()"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env_for(tmp_path)
    )
    assert r.returncode != 0
    log = (tmp_path / "data" / "logs" / "faulthandler.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in log


def test_crash_reports_mask_passwords() -> None:
    from desktop.crash import mask

    assert mask("postgresql+psycopg://bob:s3cr%40t@db:5432/x and x") == (
        "postgresql+psycopg://bob:***@db:5432/x and x"
    )
    assert mask("PGPASSWORD=abc password=xyz") == "PGPASSWORD=*** password=***"


@pytest.mark.slow
def test_an_error_in_another_thread_leaves_a_report(tmp_path: Path) -> None:
    code = (
        "import logging; logging.getLogger().addHandler(logging.NullHandler())\n"
        "from desktop import crash; crash.install(); import threading\n"
        "t = threading.Thread(target=lambda: 1 / 0, name='worker-7'); t.start(); t.join()\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env_for(tmp_path)
    )
    assert "unexpected error (ZeroDivisionError" in r.stderr and "Traceback" not in r.stderr
    report = next((tmp_path / "data" / "logs").glob("crash-*.txt"))
    assert "where: worker-7" in report.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_window_makes_the_demo_on_first_use_but_never_a_mistyped_store(
    tmp_path: Path,
) -> None:
    r = run(tmp_path, "--demo", "--quit-after", "2000", QT_QPA_PLATFORM="offscreen")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "data" / "licdesk-demo.db").exists()
    typo = tmp_path / "typo" / "licdsk.db"
    r = run(tmp_path, "--db", str(typo), "--quit-after", "2000", QT_QPA_PLATFORM="offscreen")
    assert r.returncode == 2 and not typo.parent.exists()
