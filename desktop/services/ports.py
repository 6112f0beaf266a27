"""What the services need from storage, as Protocols (storage implements them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from desktop.domain.status import LicenseStatus
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


class LicenseReader(Protocol):
    def count(self, query: LicenseQuery) -> int: ...

    def page(
        self, query: LicenseQuery, offset: int, limit: int, total: int | None = None
    ) -> list[LicenseRecord]: ...

    def get(self, license_id: int) -> LicenseRecord | None: ...

    def status_counts(self, query: LicenseQuery) -> dict[LicenseStatus, int]: ...

    def next_end(self, today: dt.date) -> dt.date | None: ...

    def store_is_empty(self) -> bool: ...


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


class SettingsRepo(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


class WarningsRepo(Protocol):
    def shown(self, keys: Iterable[tuple[int, int, dt.date]]) -> set[tuple[int, int, dt.date]]: ...

    def mark_shown(self, keys: Iterable[tuple[int, int, dt.date]], today: dt.date) -> None: ...


class CatalogReader(Protocol):
    def stores(self) -> list[tuple[int, str]]: ...


class SecretStore(Protocol):
    """Secrets (the authority's private key) in the OS keyring; never in the database."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...


class UnitOfWork(Protocol):
    """``with uow: ...; uow.commit()``; leaving without commit rolls back."""

    licenses: LicenseReader
    events: EventLog
    settings: SettingsRepo
    dataset: DatasetStore
    warnings: WarningsRepo
    catalog: CatalogReader
    renewals: Any  # desktop.services.renewals.RenewalFacts
    bases: Any  # desktop.storage.bases_repo.SqlBasesRepo's methods
    activation: Any  # desktop.storage.activation_repo.SqlActivationRepo's methods
    orders: Any  # desktop.storage.orders_repo.SqlOrdersRepo's methods

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


UnitOfWorkFactory = Callable[..., UnitOfWork]
Rows = Sequence[LicenseRecord]
