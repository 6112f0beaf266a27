"""Engine creation: one place that knows SQLite's pragmas and how URLs are resolved."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.domain.errors import DomainError

log = logging.getLogger(__name__)

#: Milliseconds a writer waits for another writer before SQLITE_BUSY.
SQLITE_BUSY_TIMEOUT_MS = 10_000
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
        return url.render_as_string(hide_password=False)
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise DomainError("db_path_is_dir", value=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite+pysqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def safe_url(url: str) -> str:
    """The URL for logs and the title bar: never the password."""
    return make_url(url).render_as_string(hide_password=True)


def create_store_engine(
    path_or_url: str | Path, *, connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S, **kwargs: Any
) -> Engine:
    url = resolve_url(path_or_url)
    if is_sqlite(url):
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
    else:
        # Without a connect timeout an unreachable server hangs for minutes (TCP retries).
        connect_args = {"connect_timeout": max(1, int(connect_timeout_s))}
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    log.info("store: %s", safe_url(url))
    return engine


def _configure_sqlite(engine: Engine) -> None:
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
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
