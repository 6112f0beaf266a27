"""The license table's read side over the plain ``sqlite3`` module, for a fast first paint.

Importing SQLAlchemy costs 300-400 ms (PERFORMANCE.md trap 9), more than the whole
budget for the first rows. For a SQLite store already at the current schema, the
window reads its first pages through this module; SQLAlchemy is imported when
something else first needs a unit of work. The SQL is the same builder the unit of
work uses (desktop.storage.license_reader), so both paths return the same rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.storage.head import HEAD
from desktop.storage.health import uri
from desktop.storage.license_reader import DbapiLicenseReader

BUSY_TIMEOUT_MS = 10_000


class FastSettings:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:  # the fast path is read-only
        raise PermissionError("read-only view")


class FastRead:
    """What the table reads: ``.licenses`` and ``.settings`` (a unit of work has both too)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.licenses = DbapiLicenseReader(conn, "sqlite")
        self.settings = FastSettings(conn)


class SqliteFastReader:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._read = FastRead(conn)
        self._depth = 0

    @contextmanager
    def __call__(self) -> Iterator[FastRead]:
        """One read transaction: every query inside sees the same snapshot. A read
        inside a read (the signature check while rows stream) joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self._read
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN")
        self._depth = 1
        try:
            yield self._read
        finally:
            self._depth = 0
            self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()


def open_fast_reader(
    path: str, *, read_only: bool = False, immutable: bool = False
) -> SqliteFastReader | None:
    """A reader for an existing SQLite file at the current schema, else None.
    ``read_only``/``immutable``: a read-only file or folder (desktop.storage.health)."""
    file = Path(path)
    if "://" in path or not file.is_file():
        return None
    try:
        conn = sqlite3.connect(
            uri(file, read_only=read_only, immutable=immutable),
            uri=True,
            isolation_level=None,
            check_same_thread=True,
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        conn.close()
        return None
    if not row or row[0] != HEAD:
        conn.close()
        return None
    return SqliteFastReader(conn)
