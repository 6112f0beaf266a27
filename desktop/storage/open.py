"""Open a store: engine, migrations, and errors the user can act on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from desktop.domain.errors import DomainError
from desktop.storage import health, migrate
from desktop.storage.db import (
    DEFAULT_CONNECT_TIMEOUT_S,
    create_store_engine,
    is_sqlite,
    resolve_url,
    safe_url,
    sqlite_path,
)
from desktop.storage.head import HEAD
from desktop.storage.health import BusyWatch
from desktop.storage.uow import Store


def open_store(
    path_or_url: str | Path,
    *,
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S,
    create: bool = True,
    busy: BusyWatch | None = None,
    inspected: health.FileHealth | None = None,
) -> Store:
    """Open (and migrate) a store.

    A SQLite file is first inspected (desktop.storage.health): a missing one is created
    only with ``create`` (else ``store_missing``), a damaged one is refused
    (``store_damaged``), a read-only one opens read-only (``store.read_only`` says why).
    ``inspected``: what the fast start already found about the file (not checked twice).
    """
    url = resolve_url(path_or_url)
    busy = busy or BusyWatch()
    read_only: DomainError | None = None
    immutable = False
    if is_sqlite(url):
        path = sqlite_path(url)
        state = inspected if inspected is not None else health.inspect(path)
        if not state.exists:
            if not create:
                raise DomainError("store_missing", path=str(path))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DomainError(
                    "db_unavailable", url=str(path), reason=exc.strerror or str(exc)
                ) from None
        if state.damaged is not None:
            raise state.damaged
        read_only, immutable = state.read_only, state.immutable
    engine = create_store_engine(
        url,
        connect_timeout_s=connect_timeout_s,
        read_only=read_only is not None,
        immutable=immutable,
        busy=busy,
    )
    try:
        if read_only is not None:
            if migrate.current_revision(engine) != HEAD:
                raise DomainError("read_only_upgrade", path=str(sqlite_path(url)))
        else:
            migrate.upgrade(engine)
    except DomainError:
        engine.dispose()
        raise
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DomainError("db_unavailable", url=safe_url(url), reason=reason) from None
    except ModuleNotFoundError as exc:  # e.g. psycopg not installed for a postgresql URL
        engine.dispose()
        raise DomainError("db_unavailable", url=safe_url(url), reason=str(exc)) from None
    return Store(engine, read_only=read_only, busy=busy)
