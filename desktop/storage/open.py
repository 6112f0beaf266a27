"""Open a store: engine, migrations, and errors the user can act on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from desktop.domain.errors import DomainError
from desktop.storage import migrate
from desktop.storage.db import (
    DEFAULT_CONNECT_TIMEOUT_S,
    create_store_engine,
    resolve_url,
    safe_url,
)
from desktop.storage.uow import Store


def open_store(
    path_or_url: str | Path, *, connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S
) -> Store:
    url = resolve_url(path_or_url)
    engine = create_store_engine(url, connect_timeout_s=connect_timeout_s)
    try:
        migrate.upgrade(engine)
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DomainError("db_unavailable", url=safe_url(url), reason=reason) from None
    except ModuleNotFoundError as exc:  # e.g. psycopg not installed for a postgresql URL
        engine.dispose()
        raise DomainError("db_unavailable", url=safe_url(url), reason=str(exc)) from None
    return Store(engine)
