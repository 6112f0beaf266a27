"""An opened store as the services see it (:class:`desktop.services.ports.Database`).

* ``uow(write=...)`` - a unit of work over SQLAlchemy. A write unit that commits tells
  every listener (``subscribe``) that the data changed: the write path is the one place
  the views learn of a change, whichever window, dialog or command made it.
* ``read()`` - the license table's read side. For a SQLite file already at the current
  schema it is plain ``sqlite3`` (SQLAlchemy is imported only when the first unit of
  work is needed: PERFORMANCE.md trap 9); that connection belongs to the thread that
  opened the store, so on any other thread ``read()`` is a unit of work instead.

Importing this module imports neither SQLAlchemy nor Alembic.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import DomainError
from desktop.storage.fastread import SqliteFastReader, open_fast_reader
from desktop.storage.health import BusyWatch, FileHealth, inspect, translate

if TYPE_CHECKING:
    from desktop.services.ports import Backups, ReadView, UnitOfWork
    from desktop.storage.uow import Store

log = logging.getLogger(__name__)


class SqlDatabase:
    def __init__(
        self,
        target: str,
        *,
        label: str,
        dialect: str,
        store: Store | None = None,
        fast: SqliteFastReader | None = None,
        connect_timeout_s: int | None = None,
        read_only: DomainError | None = None,
        busy: BusyWatch | None = None,
        inspected: FileHealth | None = None,
    ) -> None:
        self._target = target
        self._read_only = read_only if read_only is not None else getattr(store, "read_only", None)
        self._busy = busy or (store.busy if store is not None else BusyWatch())
        self._inspected = inspected
        self._label = label
        self._dialect = dialect
        self._store = store
        self._fast = fast
        self._fast_thread = threading.get_ident()
        self._connect_timeout_s = connect_timeout_s
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []
        self._closed = False

    # ---------------------------------------------------------------- the port
    @property
    def label(self) -> str:
        return self._label

    @property
    def dialect(self) -> str:
        return self._dialect

    @property
    def sync_reads(self) -> bool:
        """Reads are cheap enough for the GUI thread (a local SQLite file)."""
        return self._dialect == "sqlite"

    def uow(self, *, write: bool = False) -> UnitOfWork:
        if write:
            self.check_writable()
        return self.store().uow(write=write, on_commit=self._changed if write else None)

    def check_writable(self) -> None:
        if self._read_only is not None:
            raise DomainError(self._read_only.code, **self._read_only.params)

    def read_only_reason(self) -> DomainError | None:
        """Why nothing may be written (a what-if day, a read-only file), or None."""
        return self._read_only

    def set_read_only(self, reason: DomainError | None) -> None:
        self._read_only = reason

    @contextmanager
    def read(self) -> Iterator[ReadView]:
        fast = self._fast
        if fast is not None and threading.get_ident() == self._fast_thread:
            try:
                with fast() as view:
                    yield view
            except sqlite3.Error as exc:  # plain sqlite3: the same sentences as the engine's
                err = translate(exc, self._label)
                if err is None:
                    raise
                raise err from exc
            return
        with self.uow() as uow:
            yield uow

    def watch_busy(self, listener: Callable[[bool], None]) -> Callable[[], None]:
        """Call ``listener(True)`` when a write starts waiting for another program's write
        lock and ``listener(False)`` when it stops (on the writing thread)."""
        return self._busy.add(listener)

    def backups(self) -> Backups | None:
        from desktop.storage.backup import open_backups

        return open_backups(self._target, connect_timeout_s=self._connect_timeout_s or 5)

    # ---------------------------------------------------------------- the rest
    def store(self) -> Store:
        """The SQLAlchemy store, opened (and migrated) on first use."""
        if self._closed:  # disposed (a restore replaces the file): never reopened here
            raise DomainError("store_closed")
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from desktop.storage.open import open_store

                    kwargs: dict[str, Any] = {}
                    if self._connect_timeout_s is not None:
                        kwargs["connect_timeout_s"] = self._connect_timeout_s
                    self._store = open_store(
                        self._target,
                        create=False,
                        busy=self._busy,
                        inspected=self._inspected,
                        **kwargs,
                    )
        return self._store

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` (on the writing thread) after every committed write; returns
        a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # a view's trouble must not undo a committed write
                log.exception("change listener failed")

    def dispose(self) -> None:
        self._closed = True
        if self._fast is not None:
            self._fast.close()
            self._fast = None
        if self._store is not None:
            self._store.dispose()


def open_fast_database(target: str, *, connect_timeout_s: int | None = None) -> SqlDatabase | None:
    """A SQLite file already at the current schema, read through plain sqlite3 at once
    (SQLAlchemy is imported on the first unit of work); None for anything else (a
    missing or damaged file too: the slow path says why)."""
    if "://" in target or not Path(target).is_file():
        return None
    state = inspect(Path(target))
    if state.damaged is not None:
        return None
    fast = open_fast_reader(
        target, read_only=state.read_only is not None, immutable=state.immutable
    )
    if fast is None:
        return None
    return SqlDatabase(
        target,
        label=str(Path(target)),
        dialect="sqlite",
        fast=fast,
        connect_timeout_s=connect_timeout_s,
        read_only=state.read_only,
        inspected=state,
    )


def open_database(
    target: str, *, connect_timeout_s: int | None = None, create: bool = True
) -> SqlDatabase:
    """Open (and migrate) the store at ``target``: a SQLite path or a database URL.
    ``create=False``: a missing SQLite file is ``store_missing``, never a new store."""
    from desktop.storage.db import safe_url
    from desktop.storage.open import open_store

    kwargs: dict[str, Any] = {}
    if connect_timeout_s is not None:
        kwargs["connect_timeout_s"] = connect_timeout_s
    busy = BusyWatch()
    store = open_store(target, create=create, busy=busy, **kwargs)
    label = target if "://" not in target else safe_url(target)
    return SqlDatabase(
        target,
        label=label,
        dialect=store.dialect,
        store=store,
        connect_timeout_s=connect_timeout_s,
        busy=busy,
    )
