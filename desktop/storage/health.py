"""What state a SQLite store file is in before anything reads it: there, writable, whole.

Plain ``sqlite3`` (no SQLAlchemy: the window's fast start runs this too).

* Missing: the store is never created behind the user's back (a mistyped ``--db``);
  creating one is an explicit choice (``licdesk init``, the first-start dialog).
* Read-only: a file or folder the user may not (or said not to) write, a read-only
  disk. The store then opens read-only (``mode=ro``) with writes refused and the
  reason said; the permission bits count even for root, who could write anyway: a
  file someone marked read-only is not ours to change.
* Damaged: ``PRAGMA quick_check`` on open, bounded in time (QUICK_CHECK_BUDGET_S) so
  that a huge store does not delay the first paint; what it finds is refused with
  ``store_damaged`` (the front ends offer the last good backup) instead of a crash on
  the first query.

:func:`translate` turns a sqlite3 error met anywhere later into the same DomainErrors.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop.domain.errors import DomainError

log = logging.getLogger(__name__)

#: Seconds ``PRAGMA quick_check`` may run on open (it is on the window's first-paint
#: path): about 50 MB, some 50,000 licenses, are checked whole (100,000 licenses, 101 MB,
#: took 0.5 s here); a larger store is checked as far as that goes, and damage further
#: in is said as ``store_damaged`` by the query that meets it (translate below).
QUICK_CHECK_BUDGET_S = 0.25
#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileHealth:
    exists: bool
    #: Why nothing may be written (read_only_file / read_only_folder / read_only_media).
    read_only: DomainError | None = None
    #: store_damaged, when the file is not a whole SQLite database.
    damaged: DomainError | None = None
    #: A read-only folder without a ``-wal`` file: SQLite can only read it "immutable".
    immutable: bool = False


def uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """A ``file:`` URI for sqlite3 (``uri=True``), any bytes in the path escaped."""
    text = "file:" + quote(os.fsencode(path), safe="/")
    params = []
    if read_only or immutable:
        params.append("mode=ro")
    if immutable:
        params.append("immutable=1")
    return text + ("?" + "&".join(params) if params else "")


def read_only_reason(path: Path) -> DomainError | None:
    """Why ``path`` (an existing store file) cannot be written, or None."""
    shown = str(path)
    try:
        mode = path.stat().st_mode
        folder_mode = path.parent.stat().st_mode
    except OSError as exc:
        return DomainError("read_only_media", path=shown, reason=exc.strerror or str(exc))
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return DomainError("read_only_file", path=shown)
    if not folder_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        path.parent, os.W_OK | os.X_OK
    ):
        return DomainError("read_only_folder", path=shown, folder=str(path.parent))
    # A read-only mount (or a lock the permission bits do not show): try for real.
    try:
        conn = sqlite3.connect(uri(path), uri=True, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return DomainError("read_only_media", path=shown, reason=str(exc))
        # busy: another writer, not a read-only file; anything else is found later
    except sqlite3.DatabaseError:
        pass  # not a database: the damage check says so
    return None


def quick_check(conn: sqlite3.Connection, budget_s: float = QUICK_CHECK_BUDGET_S) -> str | None:
    """The first problem ``PRAGMA quick_check`` finds within ``budget_s``, or None."""
    deadline = time.monotonic() + budget_s
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            log.info("quick_check stopped after %.1f s (a large store)", budget_s)
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    first = str(rows[0][0]) if rows else "ok"
    return None if first == "ok" else first


def damage(path: Path, *, immutable: bool = False) -> DomainError | None:
    """``store_damaged`` when ``path`` is not a whole SQLite database, else None."""
    shown = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return DomainError("store_io", path=shown, reason=exc.strerror or str(exc))
    if len(head) == 0:
        return None  # an empty file is a new store (SQLite writes its header)
    if head != SQLITE_MAGIC:
        return DomainError("store_damaged", path=shown, detail="not a SQLite database")
    try:
        conn = sqlite3.connect(
            uri(path, read_only=True, immutable=immutable), uri=True, isolation_level=None
        )
    except sqlite3.Error as exc:
        return translate(exc, shown) or DomainError("store_io", path=shown, reason=str(exc))
    try:
        problem = quick_check(conn)
    except sqlite3.Error as exc:
        err = translate(exc, shown)
        if err is not None and err.code != "store_damaged":
            return None if err.code == "store_busy" else err
        problem = str(exc)
    finally:
        conn.close()
    if problem is None:
        return None
    log.error("%s is damaged: %s", path, problem)
    return DomainError("store_damaged", path=shown, detail=" ".join(problem.split())[:200])


def inspect(path: Path) -> FileHealth:
    """Is the SQLite store at ``path`` there, writable and whole?"""
    if not path.exists():
        return FileHealth(exists=False)
    reason = read_only_reason(path)
    immutable = (
        reason is not None
        and reason.code == "read_only_folder"
        and not Path(str(path) + "-wal").exists()
        and not os.access(path.parent, os.W_OK)
    )
    damaged = damage(path, immutable=immutable)
    return FileHealth(exists=True, read_only=reason, damaged=damaged, immutable=immutable)


class BusyWatch:
    """Tells its listeners (on the waiting thread) when a write starts and stops waiting
    for another program's write lock: the window's "waiting" state, the CLI's line."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[bool], None]] = []

    def add(self, listener: Callable[[bool], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def waiting(self, flag: bool) -> None:
        for listener in list(self._listeners):
            try:
                listener(flag)
            except Exception:  # a listener's trouble must not fail the write
                log.exception("busy listener failed")


def translate(exc: BaseException, path: str) -> DomainError | None:
    """A sqlite3 error as the DomainError a user can act on, or None (a bug of ours)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc)
    low = text.lower()
    if "database is locked" in low or "database table is locked" in low:
        return DomainError("store_busy")
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return DomainError("store_damaged", path=path, detail=text[:200])
    if "readonly" in low or "read-only" in low:
        return DomainError("read_only_media", path=path, reason=text)
    if "disk is full" in low:
        return DomainError("disk_full", path=path)
    if "disk i/o error" in low:
        return DomainError("store_io", path=path, reason=text)
    return None
