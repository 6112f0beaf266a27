"""Backups a user can use: consistent copies, named, kept within bounds, checked first.

SQLite: ``VACUUM INTO`` from a read-only connection (a consistent, compact, single
file in rollback-journal mode, taken while others keep working; never a file copy of a
live store: RELIABILITY.md). Each store has its own folder under
``<data dir>/backups/`` (name and a hash of its path), files named
``<store>_<YYYYmmdd-HHMMSS>-<microseconds>_<reason>.db``. Automatic backups (daily while
the window runs, before a migration, an import or a restore) are kept to BACKUPS_KEPT,
manual ones (``licdesk backup``) to MANUAL_BACKUPS_KEPT; a file given with ``--to`` is
the user's.

A restore checks the backup (``quick_check`` in full, a License Desk schema this
version opens), backs up the store as it is, makes sure no other program has it open
(switching it out of WAL needs every other connection gone), and only then replaces the
file with an atomic rename.

PostgreSQL: ``pg_dump -Fc`` / ``pg_restore`` + ``psql`` when they are on PATH, else
``backup_tool_missing`` naming the tool. Nothing is automatic there: a central server's
backups are its administrator's (every PC dumping it daily would not help), and a
restore refuses while another connection is open.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from desktop import paths
from desktop.domain.errors import DomainError
from desktop.services.ports import BackupInfo, RestoreResult
from desktop.storage import health

log = logging.getLogger(__name__)

#: Automatic backups kept per store (the oldest beyond are removed).
BACKUPS_KEPT = 10
#: Backups made with ``licdesk backup`` (no ``--to``) kept per store.
MANUAL_BACKUPS_KEPT = 10
#: Reasons of the backups the app makes by itself.
AUTOMATIC_REASONS = ("daily", "before-migration", "before-import", "before-restore", "damaged")
#: Seconds a pg_dump / pg_restore may run.
PG_TOOL_TIMEOUT_S = 600

_NAME = re.compile(
    r"^(?P<stem>.*)_(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?_(?P<reason>[a-z-]+)\.(?:db|dump)$"
)
_STAMP = "%Y%m%d-%H%M%S"


def backups_root() -> Path:
    return paths.data_dir() / "backups"


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip("-")[:40] or "store"


def _info(path: Path, reason: str | None = None, revision: str | None = None) -> BackupInfo:
    match = _NAME.match(path.name)
    stat = path.stat()
    if match:
        created = dt.datetime.strptime(match["stamp"], _STAMP)
        reason = reason or match["reason"]
    else:
        created = dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    return BackupInfo(path, created, reason or "file", stat.st_size, revision)


def _new_name(folder: Path, stem: str, reason: str, suffix: str) -> Path:
    """``<stem>_<YYYYmmdd-HHMMSS>-<microseconds>_<reason><suffix>``: sorts in time order,
    never reuses the name of a pruned backup."""
    now = dt.datetime.now()
    stamp, n = now.strftime(_STAMP), now.microsecond
    dest = folder / f"{stem}_{stamp}-{n:06d}_{reason}{suffix}"
    while dest.exists():
        n += 1
        dest = folder / f"{stem}_{stamp}-{n:06d}_{reason}{suffix}"
    return dest


def _listed(folder: Path, suffix: str) -> list[BackupInfo]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.suffix == suffix and _NAME.match(path.name) and path.is_file():
            try:
                found.append(_info(path))
            except OSError:
                continue
    return sorted(found, key=_order, reverse=True)


def _order(info: BackupInfo) -> tuple[dt.datetime, int]:
    """Newest first, to the microsecond in the name."""
    match = _NAME.match(info.path.name)
    return info.created, int(match["n"]) if match and match["n"] else 0


def _prune(folder: Path, suffix: str) -> None:
    backups = _listed(folder, suffix)
    automatic = [b for b in backups if b.reason in AUTOMATIC_REASONS]
    manual = [b for b in backups if b.reason not in AUTOMATIC_REASONS]
    for old in automatic[BACKUPS_KEPT:] + manual[MANUAL_BACKUPS_KEPT:]:
        try:
            old.path.unlink()
            Path(str(old.path) + "-wal").unlink(missing_ok=True)
            log.info("removed old backup %s", old.path)
        except OSError as exc:
            log.warning("cannot remove old backup %s: %s", old.path, exc)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _failed(path: Path, exc: BaseException) -> DomainError:
    if isinstance(exc, OSError):
        return DomainError("backup_failed", path=str(path), reason=exc.strerror or str(exc))
    return DomainError("backup_failed", path=str(path), reason=str(exc))


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from desktop.storage.migrate import _alembic_config

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _check_revision(path: Path, revision: str | None) -> str:
    if not revision:
        raise DomainError("backup_invalid", path=str(path), reason="not a License Desk database")
    if revision not in known_revisions():
        raise DomainError("store_too_new", revision=revision)
    return revision


# ---------------------------------------------------------------- SQLite


class SqliteBackups:
    """The backups of one SQLite store file."""

    kind = "sqlite"
    automatic = True

    def __init__(self, store: Path, folder: Path | None = None) -> None:
        self.store = store
        key = hashlib.sha256(os.fsencode(store)).hexdigest()[:8]
        self._stem = _safe(store.stem)
        self.folder = folder or backups_root() / f"{self._stem}-{key}"

    # -------------------------------------------------------------- make
    def create(self, reason: str, to: Path | None = None) -> BackupInfo:
        if not self.store.is_file():
            raise DomainError("store_missing", path=str(self.store))
        dest = to.expanduser().resolve() if to is not None else self._new(reason)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _failed(dest, exc) from None
        part = dest.with_name(dest.name + ".part")
        part.unlink(missing_ok=True)
        state = health.inspect(self.store)
        try:
            src = sqlite3.connect(
                health.uri(self.store, read_only=True, immutable=state.immutable),
                uri=True,
                isolation_level=None,
            )
            try:
                src.execute("PRAGMA busy_timeout = 10000")
                src.execute("VACUUM INTO ?", (os.fsdecode(part),))
            finally:
                src.close()
            problem = self._whole(part)
            if problem is not None:
                raise DomainError("store_damaged", path=str(self.store), detail=problem)
            os.replace(part, dest)
            _fsync_dir(dest.parent)
        except sqlite3.Error as exc:
            part.unlink(missing_ok=True)
            err = health.translate(exc, str(self.store))
            if err is not None and err.code == "store_damaged":
                raise err from None
            raise _failed(dest, exc) from None
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise _failed(dest, exc) from None
        except DomainError:
            part.unlink(missing_ok=True)
            raise
        log.info("backed up %s to %s (%s)", self.store, dest, reason)
        if to is None:
            _prune(self.folder, ".db")
        return _info(dest, reason if to is not None else None)

    def _new(self, reason: str) -> Path:
        return _new_name(self.folder, self._stem, reason, ".db")

    @staticmethod
    def _whole(path: Path) -> str | None:
        conn = sqlite3.connect(health.uri(path, read_only=True), uri=True)
        try:
            return health.quick_check(conn, budget_s=float("inf"))
        finally:
            conn.close()

    def _raw_copy(self) -> BackupInfo:
        """A damaged store cannot be read through SQLite: its files, byte for byte (nobody
        has it open: License Desk refuses to open a damaged store)."""
        dest = self._new("damaged")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.store, dest)
            wal = Path(str(self.store) + "-wal")
            if wal.exists():
                shutil.copyfile(wal, str(dest) + "-wal")
        except OSError as exc:
            raise _failed(dest, exc) from None
        log.warning("copied the damaged store %s to %s", self.store, dest)
        return _info(dest)

    # -------------------------------------------------------------- look
    def list(self) -> list[BackupInfo]:
        return _listed(self.folder, ".db")

    def check(self, path: Path) -> BackupInfo:
        path = path.expanduser()
        if not path.is_file():
            raise DomainError("backup_not_found", path=str(path))
        with tempfile.TemporaryDirectory(prefix="licdesk-check-") as tmp:
            staged = Path(tmp) / "check.db"
            revision = self._stage(path, staged)
        return _info(path, revision=revision)

    def _stage(self, backup: Path, staged: Path) -> str:
        """Copy ``backup`` (with its ``-wal``, if any) to ``staged``, fold it into one file
        and check it whole; the schema revision inside."""
        try:
            with backup.open("rb") as fh:
                head = fh.read(len(health.SQLITE_MAGIC))
        except OSError as exc:
            raise DomainError("backup_invalid", path=str(backup), reason=str(exc)) from None
        if head != health.SQLITE_MAGIC:
            raise DomainError("backup_invalid", path=str(backup), reason="not a SQLite database")
        try:
            shutil.copyfile(backup, staged)
            wal = Path(str(backup) + "-wal")
            if wal.exists():
                shutil.copyfile(wal, str(staged) + "-wal")
        except OSError as exc:
            raise _failed(staged, exc) from None
        try:
            conn = sqlite3.connect(health.uri(staged), uri=True, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
                problem = health.quick_check(conn, budget_s=float("inf"))
                if problem is not None:
                    raise DomainError("backup_invalid", path=str(backup), reason=problem[:200])
                try:
                    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                except sqlite3.OperationalError:
                    row = None
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise DomainError("backup_invalid", path=str(backup), reason=str(exc)[:200]) from None
        return _check_revision(backup, row[0] if row else None)

    # -------------------------------------------------------------- restore
    def restore(self, path: Path) -> RestoreResult:
        path = path.expanduser().resolve()
        if not path.is_file():
            raise DomainError("backup_not_found", path=str(path))
        live = self.store
        if live.exists():
            reason = health.read_only_reason(live)
            if reason is not None:
                raise reason
        try:
            live.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _failed(live, exc) from None
        staged = live.with_name(f".{live.name}.restoring")
        for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-journal")):
            leftover.unlink(missing_ok=True)
        try:
            revision = self._stage(path, staged)
            info = _info(path, revision=revision)
            safety = self._replace(staged) if live.exists() else None
            if not live.exists():
                os.replace(staged, live)
                _fsync_dir(live.parent)
        finally:
            staged.unlink(missing_ok=True)
        log.info("restored %s from %s", live, path)
        return RestoreResult(info, safety)

    def _replace(self, staged: Path) -> BackupInfo:
        """Back up the live store, lock everyone out, and rename ``staged`` over it."""
        live = self.store
        damaged = health.damage(live) is not None
        safety = self._raw_copy() if damaged else self.create("before-restore")
        lock: sqlite3.Connection | None = None
        if not damaged:
            lock = sqlite3.connect(health.uri(live), uri=True, timeout=0, isolation_level=None)
            try:
                # Leaving WAL needs every other connection gone: the "in use" probe; it
                # also folds the WAL into the file, so no -wal is left to mispair.
                mode = lock.execute("PRAGMA journal_mode = DELETE").fetchone()
                if not mode or str(mode[0]).lower() != "delete":
                    raise DomainError("store_in_use", path=str(live))
                lock.execute("BEGIN EXCLUSIVE")
            except sqlite3.OperationalError as exc:
                lock.close()
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    raise DomainError("store_in_use", path=str(live)) from None
                raise _failed(live, exc) from None
            except DomainError:
                lock.close()
                raise
        if lock is not None and os.name == "nt":
            lock.close()  # Windows renames nothing over an open file
            lock = None
        try:
            for side in ("-wal", "-shm", "-journal"):
                Path(f"{live}{side}").unlink(missing_ok=True)
            os.replace(staged, live)
            _fsync_dir(live.parent)
        except OSError as exc:
            raise _failed(live, exc) from None
        finally:
            if lock is not None:
                lock.close()
        return safety

    def last_good(self) -> BackupInfo | None:
        """The newest backup that passes the check (for a damaged store's message)."""
        for info in self.list():
            try:
                return self.check(info.path)
            except DomainError:
                continue
        return None


# ---------------------------------------------------------------- PostgreSQL


class PgBackups:
    """``pg_dump``/``pg_restore`` backups of a PostgreSQL store."""

    kind = "postgresql"
    automatic = False

    def __init__(self, url: str, connect_timeout_s: int = 5, folder: Path | None = None) -> None:
        from sqlalchemy.engine import make_url

        self._url = make_url(url)
        self._connect_timeout_s = connect_timeout_s
        safe = self._url.render_as_string(hide_password=True)
        key = hashlib.sha256(safe.encode("utf-8", "replace")).hexdigest()[:8]
        self._stem = _safe(self._url.database or "postgres")
        host = _safe(self._url.host or "local")
        self.folder = folder or backups_root() / f"{self._stem}-{host}-{key}"

    def _libpq(self) -> str:
        plain = self._url.set(drivername="postgresql", password=None)
        return plain.render_as_string(hide_password=False)

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self._url.password:
            env["PGPASSWORD"] = str(self._url.password)  # never on the command line
        env["PGCONNECT_TIMEOUT"] = str(self._connect_timeout_s)
        return env

    @staticmethod
    def _tool(name: str) -> str:
        found = shutil.which(name)
        if found is None:
            raise DomainError("backup_tool_missing", tool=name)
        return found

    def _run(self, args: list[str], *, what: str) -> str:
        try:
            done = subprocess.run(
                args,
                capture_output=True,
                text=True,
                env=self._env(),
                timeout=PG_TOOL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DomainError("backup_tool_failed", tool=what, reason=str(exc)) from None
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            raise DomainError("backup_tool_failed", tool=what, reason=reason[:300])
        return done.stdout

    def create(self, reason: str, to: Path | None = None) -> BackupInfo:
        tool = self._tool("pg_dump")
        dest = to.expanduser().resolve() if to is not None else self._new(reason)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _failed(dest, exc) from None
        part = dest.with_name(dest.name + ".part")
        try:
            self._run(
                [tool, "-Fc", "--no-owner", "--no-privileges", "-f", str(part), self._libpq()],
                what="pg_dump",
            )
            os.replace(part, dest)
        except OSError as exc:
            raise _failed(dest, exc) from None
        finally:
            part.unlink(missing_ok=True)
        log.info("dumped %s to %s (%s)", self._url.render_as_string(), dest, reason)
        if to is None:
            _prune(self.folder, ".dump")
        return _info(dest, reason if to is not None else None)

    def _new(self, reason: str) -> Path:
        return _new_name(self.folder, self._stem, reason, ".dump")

    def list(self) -> list[BackupInfo]:
        return _listed(self.folder, ".dump")

    def check(self, path: Path) -> BackupInfo:
        path = path.expanduser()
        if not path.is_file():
            raise DomainError("backup_not_found", path=str(path))
        tool = self._tool("pg_restore")
        try:
            self._run([tool, "--list", str(path)], what="pg_restore")
            data = self._run(
                [tool, "--data-only", "--table=alembic_version", "-f", "-", str(path)],
                what="pg_restore",
            )
        except DomainError as err:
            raise DomainError(
                "backup_invalid", path=str(path), reason=str(err.params.get("reason", ""))
            ) from None
        revision = None
        lines = data.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("COPY ") and "alembic_version" in line and i + 1 < len(lines):
                candidate = lines[i + 1].strip()
                revision = candidate if candidate and candidate != "\\." else None
                break
        return _info(path, revision=_check_revision(path, revision))

    def _other_connections(self) -> int:
        from sqlalchemy import create_engine, text

        engine = create_engine(self._url, connect_args={"connect_timeout": self._connect_timeout_s})
        try:
            with engine.connect() as conn:
                return int(
                    conn.execute(
                        text(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND pid <> pg_backend_pid()"
                        )
                    ).scalar_one()
                )
        except Exception as exc:  # noqa: BLE001 - any driver error: say why
            raise DomainError(
                "db_unavailable", url=self._url.render_as_string(), reason=str(exc)[:200]
            ) from None
        finally:
            engine.dispose()

    def restore(self, path: Path) -> RestoreResult:
        path = path.expanduser().resolve()
        info = self.check(path)
        psql = self._tool("psql")
        pg_restore = self._tool("pg_restore")
        others = self._other_connections()
        if others:
            raise DomainError("store_in_use_pg", count=others)
        safety = self.create("before-restore")
        with tempfile.TemporaryDirectory(prefix="licdesk-restore-") as tmp:
            script = Path(tmp) / "restore.sql"
            self._run(
                [pg_restore, "--no-owner", "--no-privileges", "-f", str(script), str(path)],
                what="pg_restore",
            )
            # Everything of ours goes, and the backup comes back, in one transaction: a
            # failure leaves the store as it was.
            wipe = Path(tmp) / "wipe.sql"
            wipe.write_text(
                "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n"
                "GRANT USAGE ON SCHEMA public TO PUBLIC;\n",
                encoding="utf-8",
            )
            self._run(
                [
                    psql,
                    "-X",
                    "-q",
                    "--single-transaction",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-f",
                    str(wipe),
                    "-f",
                    str(script),
                    self._libpq(),
                ],
                what="psql",
            )
        log.info("restored %s from %s", self._url.render_as_string(), path)
        return RestoreResult(info, safety)

    def last_good(self) -> BackupInfo | None:
        for info in self.list():
            try:
                return self.check(info.path)
            except DomainError:
                continue
        return None


def open_backups(target: str, *, connect_timeout_s: int = 5) -> SqliteBackups | PgBackups:
    """The backups of the store at ``target`` (a SQLite path or a database URL); the
    store itself is not opened (it may be damaged)."""
    from desktop.storage.db import is_sqlite, resolve_url, sqlite_path

    url = resolve_url(target)
    if is_sqlite(url):
        return SqliteBackups(sqlite_path(url))
    return PgBackups(url, connect_timeout_s)


def backup_before(store: Path, reason: str) -> BackupInfo | None:
    """An automatic backup of a SQLite store before a risky change (a migration)."""
    if not store.is_file() or store.stat().st_size == 0:
        return None
    return SqliteBackups(store).create(reason)
