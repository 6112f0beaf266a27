"""What the services need from storage, as Protocols; storage implements them.

The services own their transactions: a use case receives a :class:`Database` and opens
``with db.uow(write=True) as uow: ...; uow.commit()`` itself. The repositories below
are what a unit of work offers; the records they return are plain frozen dataclasses
declared here, so that neither the services nor the front ends depend on SQLAlchemy.
``desktop/storage/uow.py`` proves to mypy that its unit of work satisfies
:class:`UnitOfWork`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from desktop.domain.status import LicenseStatus

if TYPE_CHECKING:  # annotations only: the CLI's start-up does not pay for them
    from pathlib import Path

    from desktop.domain.bases import BaseFacts, Release
    from desktop.domain.forecast import Cohort
    from desktop.domain.renewal import LicenseFacts, PriceList
    from desktop.domain.signing import LicenseDocument
    from desktop.services.dataset import DatasetStore


class SortKey(StrEnum):
    PRODUCT = "product"
    KIND = "kind"
    DEVICE_CODE = "device_code"
    DEVICE = "device"
    STORE = "store"
    STATUS = "status"
    ACTIVATED = "activated"
    END = "end"
    DAYS_LEFT = "days_left"
    ID = "id"


@dataclass(frozen=True, slots=True)
class LicenseQuery:
    """What the license table (and `licdesk licenses`) shows: filter and order."""

    today: dt.date
    threshold_days: int
    status: LicenseStatus | None = None
    expiring_within: int | None = None
    search: str = ""
    store_id: int | None = None
    license_ids: tuple[int, ...] | None = None
    sort: SortKey = SortKey.END
    descending: bool = False


@dataclass(frozen=True, slots=True)
class LicenseRecord:
    """One license as the read side returns it (before the rules give it a status)."""

    id: int
    product_sku: str
    product_name: str
    product_line: str
    device_id: int | None
    device_code: str | None
    device_name: str | None
    device_kind: str | None
    store_id: int | None
    store_name: str | None
    activated_on: dt.date | None
    subscription_end: dt.date | None
    key_id: str | None
    signature: str | None
    serial: str | None = None  # what the license authority signed (trust.document_of)
    period_start: dt.date | None = None
    issued_at: dt.datetime | None = None  # UTC


class LicenseReader(Protocol):
    def count(self, query: LicenseQuery) -> int: ...

    def page(
        self, query: LicenseQuery, offset: int, limit: int, total: int | None = None
    ) -> list[LicenseRecord]: ...

    def get(self, license_id: int) -> LicenseRecord | None: ...

    def stream(self, query: LicenseQuery, batch: int) -> Iterator[list[LicenseRecord]]:
        """Every matching license in the query's order, ``batch`` at a time, from one
        cursor (exports: no OFFSET walks, no list of a million records)."""
        ...

    def status_counts(self, query: LicenseQuery) -> dict[LicenseStatus, int]: ...

    def next_end(self, today: dt.date) -> dt.date | None: ...

    def store_is_empty(self) -> bool: ...

    def latest_event_time(self) -> dt.datetime | None:
        """When the newest history entry was made (UTC): part of the store's clock."""
        ...


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    occurred_at: dt.datetime
    kind: str
    license_id: int | None
    device_id: int | None
    base_id: int | None
    details: dict[str, Any] = field(default_factory=dict)


class EventLog(Protocol):
    def append(
        self,
        kind: str,
        *,
        license_id: int | None = None,
        device_id: int | None = None,
        base_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None: ...

    def for_license(self, license_id: int) -> list[EventRecord]: ...

    def last_of_kind(self, kind: str) -> EventRecord | None: ...


class SettingsRepo(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


@dataclass(frozen=True, slots=True)
class WarningScope:
    """Which licenses the staged warnings speak of today (desktop.domain.warnings).

    Due: bound licenses whose end is within the largest stage from ``today``, or passed
    at most ``max_ended_age_days`` ago. Each is at one stage (``ENDED_STAGE`` once
    ended); it is *pending* while that (license, stage, end date) was not shown yet.
    """

    today: dt.date
    threshold_days: int  # "expiring" for the rows' status
    stages: tuple[int, ...]
    max_ended_age_days: int
    pending_only: bool = False
    store_id: int | None = None  # None: every store
    no_store: bool = False  # only devices without a store


@dataclass(frozen=True, slots=True)
class WarningCount:
    """Due licenses of one stage and store (store_id None: devices without a store)."""

    stage: int
    store_id: int | None
    store_name: str | None
    total: int
    pending: int


#: One due license: the record, its stage, and whether that stage is still pending.
DueRecord = tuple[LicenseRecord, int, bool]


class WarningsRepo(Protocol):
    """Every question is one SQL statement over the due licenses (never one parameter
    per license): a million licenses cost what the SQL costs."""

    def summary(self, scope: WarningScope) -> list[WarningCount]: ...

    def count(self, scope: WarningScope) -> int: ...

    def page(
        self, scope: WarningScope, offset: int, limit: int, total: int | None = None
    ) -> list[DueRecord]:
        """Due licenses by end date then id (``total``: the scope's count, if known)."""
        ...

    def stream(self, scope: WarningScope, batch: int) -> Iterator[list[DueRecord]]: ...

    def ids(self, scope: WarningScope, limit: int) -> list[int]: ...

    def mark_shown(self, scope: WarningScope) -> int:
        """Record every pending stage of the scope as shown today (one INSERT ... SELECT);
        returns how many."""
        ...


class CatalogReader(Protocol):
    def stores(self) -> list[tuple[int, str]]: ...


class SecretStore(Protocol):
    """Secrets in the OS keyring; never in the database."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...


class RenewalFacts(Protocol):
    def facts(self, license_ids: Iterable[int]) -> list[LicenseFacts]:
        """Any number of ids (read in batches: never one parameter per license)."""
        ...

    def price_list(self, skus: Iterable[str] | None = None) -> PriceList:
        """These SKUs' price lists; every product's when None."""
        ...

    def renewable_ids(self) -> list[int]: ...

    def ms_cohorts(self, today: dt.date, horizon: dt.date) -> Iterator[Cohort]:
        """Bound Mobile SMARTS licenses ending before ``horizon`` counted per product,
        store and end date (ended ones clamped to ``today`` - 1), streamed."""
        ...

    def enova_ids(self, horizon: dt.date, batch: int = ...) -> Iterator[list[int]]:
        """Bound enova365 licenses ending before ``horizon``, a batch of ids at a time."""
        ...


# ---------------------------------------------------------------- bases


@dataclass(frozen=True)
class BaseInfo:
    id: int
    name: str
    product_sku: str
    product_name: str
    store: str | None
    installed_version: str | None
    installed_on: dt.date | None
    platform_version: str | None
    server_version: str | None
    internet_exchange: bool


@dataclass(frozen=True)
class BaseDevice:
    id: int
    code: str
    name: str
    kind: str
    platform_version: str | None
    client_version: str | None
    license_ids: tuple[int, ...]


class BasesRepo(Protocol):
    def infos(self, base_ids: Iterable[int] | None = None) -> list[BaseInfo]: ...

    def releases(self, sku: str) -> list[Release]: ...

    def devices(self, base_id: int) -> list[BaseDevice]: ...

    def facts(self, info: BaseInfo) -> BaseFacts: ...

    def base_of_license(self, license_id: int) -> int | None: ...

    def set_installed(self, base_id: int, version: str, on: dt.date) -> None: ...

    def product_id(self, sku: str) -> int | None: ...

    def add_releases(
        self, sku: str, releases: list[tuple[str, dt.date, str, str]]
    ) -> tuple[list[str], list[tuple[str, dt.date, dt.date]]]:
        """Insert new releases; return (versions added, conflicts: version, stored, feed)."""
        ...


# ---------------------------------------------------------------- activation


@dataclass(frozen=True)
class HeldLicense:
    """A license bound to a device, as activation sees it."""

    license_id: int
    product_sku: str
    product_line: str
    subscription_end: dt.date | None
    serial: str | None
    signed: bool


@dataclass(frozen=True)
class LicenseBinding:
    license_id: int
    device_code: str | None
    subscription_end: dt.date | None
    serial: str | None
    product_sku: str


class ActivationRepo(Protocol):
    def store_id(self) -> str: ...

    def activation(self, chash: str) -> tuple[int, str] | None: ...

    def add_activation(self, chash: str, license_id: int, device_code: str, kind: str) -> None: ...

    def recent_failures(self, since: dt.datetime) -> list[dt.datetime]: ...

    def add_failure(self) -> None: ...

    def clear_failures(self) -> None: ...

    def device_licenses(self, device_code: str) -> list[HeldLicense]: ...

    def device_choices(self) -> list[tuple[str, str]]: ...

    def ensure_device(self, device_code: str) -> int: ...

    def license_by_serial(self, serial: str) -> int | None: ...

    def product_exists(self, sku: str) -> bool: ...

    def store_document(
        self,
        license_id: int | None,
        doc: LicenseDocument,
        signature: str,
        *,
        activated_on: dt.date | None = None,
    ) -> int: ...

    def license_binding(self, license_id: int) -> LicenseBinding | None: ...

    def unbind(self, license_id: int) -> None: ...


# ---------------------------------------------------------------- orders


@dataclass(frozen=True)
class OrderModuleRow:
    """One module line of an enova365 order line, with the figures it was priced with:
    ``amount_minor`` = round(seats × unit price × percent); a deferred module is printed
    at 0 % (not charged in this update)."""

    id: int
    module_sku: str
    module_name: str
    seats: int
    unit_price_minor: int  # in the line's currency
    percent_bp: int  # hundredths of a percent: 1500 = 15 %; 0 when deferred
    amount_minor: int
    deferred: bool
    restored: bool


@dataclass(frozen=True)
class OrderLineRow:
    id: int
    license_id: int
    product_name: str
    device_code: str | None
    sku: str
    kind: str
    amount_minor: int
    currency: str
    current_end: dt.date | None
    new_end: dt.date
    days_forfeited: int
    fulfilled: bool
    #: The printed figures (desktop/services/printing.py). ``percent_bp`` None: an order
    #: made before the figures were kept (schema 0007), printed with its amount only.
    #: ``unit_price_minor`` None with a percent: an enova365 line, whose figures are
    #: its ``modules`` and whose amount is their sum.
    quantity: int | None = None
    unit_price_minor: int | None = None
    percent_bp: int | None = None
    modules: tuple[OrderModuleRow, ...] = ()


@dataclass(frozen=True)
class OrderRow:
    id: int
    created_at: dt.datetime
    quote_date: dt.date
    status: str
    lines: tuple[OrderLineRow, ...]


@dataclass(frozen=True)
class NewOrderModule:
    module_sku: str
    module_name: str
    seats: int
    unit_price_minor: int
    percent_bp: int
    amount_minor: int
    deferred: bool
    restored: bool


@dataclass(frozen=True)
class NewOrderLine:
    """An order line as a quote printed it (what :meth:`OrdersRepo.create` stores)."""

    license_id: int
    product_name: str
    device_code: str | None
    sku: str
    kind: str
    amount_minor: int
    currency: str
    current_end: dt.date | None
    new_end: dt.date
    days_forfeited: int
    quantity: int | None
    unit_price_minor: int | None
    percent_bp: int
    modules: tuple[NewOrderModule, ...] = ()


class OrdersRepo(Protocol):
    def create(self, quote_date: dt.date, lines: Sequence[NewOrderLine]) -> int: ...

    def all(self) -> list[OrderRow]:
        """Every order with its lines and module lines, newest first."""
        ...

    def get(self, order_id: int) -> OrderRow | None:
        """One order (reads that order's rows only)."""
        ...

    def set_status(self, order_id: int, status: str) -> None: ...

    def fulfil_license(self, license_id: int) -> list[int]: ...


# ---------------------------------------------------------------- unit of work


class UnitOfWork(Protocol):
    """``with uow: ...; uow.commit()``; leaving without commit rolls back."""

    @property
    def licenses(self) -> LicenseReader: ...

    @property
    def events(self) -> EventLog: ...

    @property
    def settings(self) -> SettingsRepo: ...

    @property
    def dataset(self) -> DatasetStore: ...

    @property
    def warnings(self) -> WarningsRepo: ...

    @property
    def catalog(self) -> CatalogReader: ...

    @property
    def renewals(self) -> RenewalFacts: ...

    @property
    def bases(self) -> BasesRepo: ...

    @property
    def activation(self) -> ActivationRepo: ...

    @property
    def orders(self) -> OrdersRepo: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class ReadView(Protocol):
    """The read side the license table needs: a unit of work has it, and so has the
    plain-sqlite3 fast path that paints the first rows before SQLAlchemy is imported."""

    @property
    def licenses(self) -> LicenseReader: ...

    @property
    def settings(self) -> SettingsRepo: ...


class Database(Protocol):
    """An opened store: what every use case receives."""

    @property
    def label(self) -> str:
        """Path or URL without password, for titles and messages."""
        ...

    @property
    def dialect(self) -> str: ...

    def uow(self, *, write: bool = False) -> UnitOfWork:
        """A new unit of work (a context manager); ``write`` takes the write lock first.
        A store opened read-only refuses a write unit with the reason (DomainError)."""
        ...

    def check_writable(self) -> None:
        """DomainError (``what_if``, ``read_only``) when nothing may be written: a use
        case that asks a server first checks this before anything leaves the PC."""
        ...

    def read(self) -> AbstractContextManager[ReadView]:
        """One consistent read of the license table's data (the fastest path available)."""
        ...

    def backups(self) -> Backups | None:
        """The store's backups (desktop.services.backup), or None where there are none
        (an in-memory store)."""
        ...


# ---------------------------------------------------------------- backups (issue 12)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: a whole, consistent copy of a store."""

    path: Path
    created: dt.datetime  # local time, from the file's name (or its mtime)
    #: manual | daily | before-migration | before-import | before-restore | damaged | file
    reason: str
    size: int
    #: The schema revision inside, once the backup has been checked.
    revision: str | None = None


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    #: The copy of the store as it was just before (None: there was no store).
    safety: BackupInfo | None


class Backups(Protocol):
    """A store's backups: SQLite files (online copies) or PostgreSQL dumps."""

    @property
    def kind(self) -> str:
        """sqlite | postgresql"""
        ...

    @property
    def automatic(self) -> bool:
        """Automatic backups are taken (daily, before a migration, import or restore)."""
        ...

    @property
    def folder(self) -> Path: ...

    def create(self, reason: str, to: Path | None = None) -> BackupInfo:
        """A new backup (in :attr:`folder`, or at ``to``); older automatic ones beyond the
        kept number are removed."""
        ...

    def list(self) -> list[BackupInfo]:
        """The backups in :attr:`folder`, newest first (not checked)."""
        ...

    def check(self, path: Path) -> BackupInfo:
        """The backup at ``path``, checked whole and of a schema this version opens;
        DomainError otherwise."""
        ...

    def restore(self, path: Path) -> RestoreResult:
        """Check ``path``, back up the store as it is, then replace the store with it.
        Refused while another program has the store open."""
        ...


Listener = Callable[[], None]
Rows = Sequence[LicenseRecord]
