"""Unit of work over one SQLAlchemy session: ``with uow: ...; uow.commit()``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.errors import DomainError
from desktop.services.clock import HIGH_WATER_KEY
from desktop.services.ports import EventRecord, UnitOfWork
from desktop.storage import all_models  # noqa: F401  (every table mapped)
from desktop.storage.activation_repo import SqlActivationRepo
from desktop.storage.bases_repo import SqlBasesRepo
from desktop.storage.dataset_store import SqlDatasetStore
from desktop.storage.health import BusyWatch
from desktop.storage.license_reader import DbapiLicenseReader
from desktop.storage.orders_repo import SqlOrdersRepo
from desktop.storage.renewals_repo import SqlRenewalFacts
from desktop.storage.schema import Event, Setting
from desktop.storage.schema import Store as StoreRow
from desktop.storage.search_index import refresh_for_session
from desktop.storage.warnings_repo import DbapiWarningsRepo


def _record(e: Event) -> EventRecord:
    return EventRecord(
        e.id,
        e.occurred_at,
        e.kind,
        e.license_id,
        e.device_id,
        e.base_id,
        json.loads(e.details or "{}"),
    )


class SqlEventLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(
        self,
        kind: str,
        *,
        license_id: int | None = None,
        device_id: int | None = None,
        base_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        self._session.add(
            Event(
                occurred_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                kind=kind,
                license_id=license_id,
                device_id=device_id,
                base_id=base_id,
                details=json.dumps(details or {}, ensure_ascii=False, default=str),
            )
        )

    def last_of_kind(self, kind: str) -> EventRecord | None:
        e = self._session.scalars(
            select(Event).where(Event.kind == kind).order_by(Event.id.desc()).limit(1)
        ).first()
        return _record(e) if e is not None else None

    def for_license(self, license_id: int) -> list[EventRecord]:
        rows = self._session.scalars(
            select(Event).where(Event.license_id == license_id).order_by(Event.id)
        )
        return [_record(e) for e in rows]


class SqlSettings:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str) -> str | None:
        row = self._session.get(Setting, key)
        return row.value if row else None

    def set(self, key: str, value: str) -> None:
        row = self._session.get(Setting, key)
        if row is None:
            self._session.add(Setting(key=key, value=value))
        else:
            row.value = value


class SqlCatalogReader:
    def __init__(self, session: Session) -> None:
        self._session = session

    def stores(self) -> list[tuple[int, str]]:
        rows = self._session.execute(select(StoreRow.id, StoreRow.name).order_by(StoreRow.name))
        return [(r[0], r[1]) for r in rows]


class SqlUnitOfWork:
    """One transaction. ``write=True`` takes SQLite's write lock up front.

    ``on_commit`` runs after a successful commit (the database tells its listeners that
    the data changed: the write path is the one place every view learns of a change).
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        write: bool = False,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._write = write
        self._on_commit = on_commit
        self.session: Session
        self.licenses: DbapiLicenseReader
        self.events: SqlEventLog
        self.settings: SqlSettings
        self.dataset: SqlDatasetStore
        self.warnings: DbapiWarningsRepo
        self.catalog: SqlCatalogReader
        self.renewals: SqlRenewalFacts
        self.bases: SqlBasesRepo
        self.activation: SqlActivationRepo
        self.orders: SqlOrdersRepo

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
        if self._write:
            self.session.connection(execution_options={"sqlite_immediate": True})
        dbapi = self.session.connection().connection.dbapi_connection
        dialect = self.session.get_bind().dialect.name
        self.licenses = DbapiLicenseReader(dbapi, dialect)
        self.events = SqlEventLog(self.session)
        self.settings = SqlSettings(self.session)
        self.dataset = SqlDatasetStore(self.session)
        self.warnings = DbapiWarningsRepo(dbapi, dialect)
        self.catalog = SqlCatalogReader(self.session)
        self.renewals = SqlRenewalFacts(self.session)
        self.bases = SqlBasesRepo(self.session)
        self.activation = SqlActivationRepo(self.session)
        self.orders = SqlOrdersRepo(self.session)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.session.info.pop("search_index.touched", None)
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        refresh_for_session(self.session)
        if self._write:
            self._mark_time()
        self.session.commit()
        if self._on_commit is not None:
            self._on_commit()

    def rollback(self) -> None:
        self.session.info.pop("search_index.touched", None)
        self.session.rollback()

    def _mark_time(self) -> None:
        """Every write leaves the latest time the store has seen (desktop.services.clock):
        a system clock set back later is told by it."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        row = self.session.get(Setting, HIGH_WATER_KEY)
        if row is None:
            self.session.add(Setting(key=HIGH_WATER_KEY, value=now.isoformat()))
        elif row.value < now.isoformat():
            row.value = now.isoformat()


class Store:
    """The opened store: engine plus a factory of units of work."""

    def __init__(
        self,
        engine: Engine,
        *,
        read_only: DomainError | None = None,
        busy: BusyWatch | None = None,
    ) -> None:
        self.engine = engine
        #: Why nothing may be written to it (a read-only file or folder), or None.
        self.read_only = read_only
        #: Told when a write waits for another program's write lock (SQLite).
        self.busy = busy or BusyWatch()
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    def uow(
        self, *, write: bool = False, on_commit: Callable[[], None] | None = None
    ) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._sessions, write=write, on_commit=on_commit)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


if TYPE_CHECKING:  # mypy proves the SQL unit of work satisfies the services' port

    def _satisfies_port(uow: SqlUnitOfWork) -> UnitOfWork:
        return uow
