"""Engine creation: one place that knows SQLite's pragmas and how URLs are resolved."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.domain.errors import DomainError
from desktop.storage import health
from desktop.storage.health import BusyWatch

log = logging.getLogger(__name__)

#: Milliseconds a connection waits on a lock before SQLITE_BUSY (reads, commits,
#: checkpoints). Taking the write lock is bounded separately: STORE_BUSY_WAIT_S.
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: Seconds a write waits for another program's write lock before it is refused with
#: ``store_busy`` ("another program is writing to this database; try again"). Short
#: enough for a person at the window or a script to be told, long enough for another
#: License Desk's ordinary write (milliseconds) to finish first.
STORE_BUSY_WAIT_S = 5.0
#: The first try for the write lock waits this long before the wait is announced (the
#: window's "waiting for another program", the CLI's line on stderr).
STORE_BUSY_QUIET_MS = 300
#: Seconds to wait for a PostgreSQL server to accept a connection (per-PC setting).
DEFAULT_CONNECT_TIMEOUT_S = 5


def resolve_url(path_or_url: str | Path) -> str:
    """A bare path becomes a SQLite URL; anything with ``://`` is taken as a URL."""
    text = str(path_or_url).strip()
    if not text:
        raise DomainError("bad_db_url", value=text)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError:
            raise DomainError("bad_db_url", value=text) from None
        except ValueError:  # SQLAlchemy parses the port with int(): "host:abc"
            raise DomainError("bad_db_port", url=_mask(text), port=_port_text(text)) from None
        if url.port is not None and not 1 <= url.port <= 65535:
            raise DomainError("bad_db_port", url=safe_url(str(url)), port=str(url.port))
        return url.render_as_string(hide_password=False)
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise DomainError("db_path_is_dir", value=str(path))
    return f"sqlite+pysqlite:///{path}"


def sqlite_path(url: str) -> Path:
    """The file of a SQLite URL made by :func:`resolve_url`."""
    return Path(url.split(":///", 1)[1])


def _mask(text: str) -> str:
    """A URL SQLAlchemy cannot parse, without its password (user:password@host)."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", text)


def _port_text(text: str) -> str:
    match = re.search(r"@[^/:]*:([^/?]*)", text) or re.search(r"://[^/@:]*:([^/?]*)", text)
    return match.group(1) if match else ""


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def safe_url(url: str) -> str:
    """The URL for logs and the title bar: never the password."""
    return make_url(url).render_as_string(hide_password=True)


def create_store_engine(
    path_or_url: str | Path,
    *,
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S,
    read_only: bool = False,
    immutable: bool = False,
    busy: BusyWatch | None = None,
    **kwargs: Any,
) -> Engine:
    """``read_only``: open the SQLite file with ``mode=ro`` (``immutable``: a read-only
    folder SQLite cannot put its ``-shm`` in)."""
    url = resolve_url(path_or_url)
    if is_sqlite(url):
        path = sqlite_path(url)
        if read_only or immutable:
            target = health.uri(path, read_only=True, immutable=immutable)
            engine = create_engine(
                "sqlite+pysqlite://",
                creator=lambda: sqlite3.connect(target, uri=True, check_same_thread=False),
                **kwargs,
            )
        else:
            engine = create_engine(url, **kwargs)
        _configure_sqlite(engine, str(path), read_only or immutable, busy or BusyWatch())
    else:
        # Without a connect timeout an unreachable server hangs for minutes (TCP retries).
        connect_args = {"connect_timeout": max(1, int(connect_timeout_s))}
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    log.info("store: %s", safe_url(url))
    return engine


def _configure_sqlite(engine: Engine, path: str, read_only: bool, busy: BusyWatch) -> None:
    """WAL, foreign keys, busy timeout, synchronous=FULL; and we emit BEGIN ourselves.

    pysqlite defers BEGIN until the first write, so a read-then-write transaction can
    fail with SQLITE_BUSY whatever the timeout. Write units of work ask for
    ``BEGIN IMMEDIATE`` (execution option ``sqlite_immediate``) to take the write lock
    first; read units use a plain deferred ``BEGIN``.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN in _on_begin
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("sqlite_immediate", False):
            _begin_immediate(conn.connection.dbapi_connection, busy)
        else:
            conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        # The environment's fault (a lock, a full disk, damage) as a sentence; the rest
        # stays an exception (a bug of ours: logged, reported).
        err = health.translate(context.original_exception, path)
        if err is not None:
            raise err from context.original_exception


def _begin_immediate(dbapi: Any, busy: BusyWatch) -> None:
    """Take the write lock; wait for another program's at most STORE_BUSY_WAIT_S,
    telling ``busy`` while waiting, then refuse with ``store_busy``."""
    cursor = dbapi.cursor()
    deadline = time.monotonic() + STORE_BUSY_WAIT_S
    announced = False
    try:
        cursor.execute(f"PRAGMA busy_timeout = {STORE_BUSY_QUIET_MS}")
        while True:
            try:
                cursor.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower():
                    raise
                left = deadline - time.monotonic()
                if left <= 0:
                    log.warning("write refused: the store stayed locked %s s", STORE_BUSY_WAIT_S)
                    raise DomainError("store_busy") from None
                if not announced:
                    announced = True
                    log.info("waiting for another program's write lock")
                    busy.waiting(True)
                cursor.execute(f"PRAGMA busy_timeout = {max(1, int(min(left, 1.0) * 1000))}")
    finally:
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()
            if announced:
                busy.waiting(False)
